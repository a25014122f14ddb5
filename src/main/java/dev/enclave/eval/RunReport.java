package dev.enclave.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.privacy.PrivacyResult;
import dev.enclave.report.DeidQuality;
import dev.enclave.report.LanguageModelReport;
import dev.enclave.report.LossCurve;
import dev.enclave.report.LossPoint;
import dev.enclave.report.ModelSummary;
import dev.enclave.report.ReportData;
import dev.enclave.report.ReportWriter;
import dev.enclave.report.ResidencySummary;
import dev.enclave.report.SplitSizes;
import dev.enclave.report.StageCount;
import dev.enclave.residency.AuditLog;
import dev.enclave.run.RunContext;
import dev.enclave.run.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Gathers a run's manifest, metrics and audit log into the report and writes {@code report.html}. */
final class RunReport {
    private RunReport() {}

    static void write(RunContext run, String stage, ClassificationMetrics base, ClassificationMetrics tuned,
            PairedComparison comparison, PrivacyResult privacy) throws IOException {
        ReportData data = common(run)
                .optLabels(run.spec().data().labels())
                .optBaseMetrics(base)
                .optTunedMetrics(tuned)
                .optComparison(comparison)
                .optPrivacy(privacy)
                .build();
        run.files().writeString(stage, run.folder().report(), ReportWriter.render(data));
    }

    /** The report of a language-model run: its own evaluation section and the privacy tests, no classifier sections. */
    static void writeLanguageModel(RunContext run, String stage, List<MetricComparison> comparisons,
            PrivacyResult privacy) throws IOException {
        String html = ReportWriter.render(common(run).optPrivacy(privacy).build(),
                LanguageModelReport.sections(comparisons));
        run.files().writeString(stage, run.folder().report(), html);
    }

    /** What every report shows: run, model, loss curves, data accounting, splits, de-identification, residency. */
    private static ReportData.Builder common(RunContext run) throws IOException {
        JsonNode info = RunFiles.JSON.readTree(run.folder().runInfo().toFile());
        JsonNode prepare = run.manifest().stage("prepare");
        JsonNode train = run.manifest().stage("train");
        JsonNode model = run.manifest().stage("model");
        ReportData.Builder data = ReportData.builder()
                .setRunId(info.path("run_id").asText())
                .setPipelineName(run.spec().name())
                .optSpecSha256(run.loadedSpec().sha256())
                .optCreatedAt(info.path("started").asText())
                .optResidency(residency(run));
        if (train != null) {
            data.addLossCurve(curve("tuned", train.path("tuned").path("loss_curve")));
            data.addLossCurve(curve("base", train.path("base").path("loss_curve")));
            long trainable = train.path("tuned").path("trainable_parameters").asLong();
            data.optModel(new ModelSummary(run.spec().model().path(), run.spec().model().path(),
                    model == null ? "unknown" : model.path("license").asText("unknown"), trainable, trainable));
        }
        if (prepare != null) {
            data.addStage(new StageCount("prepare", prepare.path("rows_in").asLong(), prepare.path("rows_out").asLong(),
                    counts(prepare.path("quarantined")), counts(prepare.path("filtered"))));
            JsonNode splits = prepare.path("splits");
            data.optSplits(new SplitSizes(splits.path("train").path("rows").asLong(),
                    splits.path("validation").path("rows").asLong(), splits.path("test").path("rows").asLong(),
                    splits.path("train").path("groups").asLong(), splits.path("validation").path("groups").asLong(),
                    splits.path("test").path("groups").asLong()));
            data.optDeidentifiedByType(counts(prepare.path("phi_replaced")));
            data.optDeidQuality(deidQuality(prepare));
        }
        return data;
    }

    /** The gate and residual scan figures of the manifest's prepare entry, or null when neither is there. */
    private static DeidQuality deidQuality(JsonNode prepare) {
        JsonNode gate = prepare.path("deid_gate");
        JsonNode residual = prepare.path("residual_scan");
        if (!gate.isObject() && !residual.isObject()) {
            return null;
        }
        DeidQuality.Gate gateFigures = null;
        if (gate.isObject()) {
            List<DeidQuality.GateRow> rows = new ArrayList<>();
            gate.path("categories").forEach(row -> rows.add(new DeidQuality.GateRow(row.path("category").asText(),
                    number(row.path("precision")), number(row.path("recall")), number(row.path("f1")),
                    row.path("gold").asLong(), number(row.path("min_recall")), row.path("passed").asBoolean())));
            gateFigures = new DeidQuality.Gate(gate.path("gold").asText(), gate.path("documents").asInt(),
                    gate.path("matching").asText().toLowerCase(java.util.Locale.ROOT), rows,
                    gate.path("passed").asBoolean());
        }
        DeidQuality.Residual residualFigures = null;
        if (residual.isObject()) {
            Map<String, Map<String, Long>> bySplit = new TreeMap<>();
            residual.path("by_split").fields().forEachRemaining(e -> bySplit.put(e.getKey(), counts(e.getValue())));
            residualFigures = new DeidQuality.Residual(bySplit, residual.path("tokens").asLong(),
                    residual.path("per_million_tokens").asDouble(), number(residual.path("max_per_million_tokens")));
        }
        return new DeidQuality(gateFigures, residualFigures);
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static LossCurve curve(String name, JsonNode points) {
        List<LossPoint> list = new ArrayList<>();
        points.forEach(p -> list.add(new LossPoint(p.path("step").asLong(), p.path("loss").asDouble())));
        return new LossCurve(name, list);
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    /** Counts of reads, writes and egress attempts, from the audit log as written so far. */
    private static ResidencySummary residency(RunContext run) throws IOException {
        long reads = 0;
        long writes = 0;
        long egress = 0;
        List<String> lines = Files.readAllLines(run.folder().audit(), StandardCharsets.UTF_8);
        for (String line : lines) {
            switch (AuditLog.parse(line).path("event").asText()) {
                case "read" -> reads++;
                case "write" -> writes++;
                case "egress_attempt" -> egress++;
                default -> { }
            }
        }
        return new ResidencySummary(run.policy().roots().stream().map(Object::toString).toList(),
                run.policy().hosts(), reads, writes, egress, lines.size());
    }
}
