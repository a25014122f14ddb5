package dev.enclave.residency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.enclave.EnclaveException;
import dev.enclave.residency.AuditDocument.SectionBuilder;
import dev.enclave.residency.AuditDocument.Tone;
import dev.enclave.residency.Verification.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data steward's report on one run, built from the run folder alone: whether verification passed, the residency
 * policy and its checks, every source read and location written, record counts through the stages (from
 * {@code manifest.json}), de-identification counts, egress attempts, and the model with its licence. Written as
 * {@value #HTML_FILE} and {@value #MARKDOWN_FILE}; neither holds record content, only paths, counts and hashes.
 */
public final class AuditReport {
    /** The HTML report's file name. */
    public static final String HTML_FILE = "audit-report.html";
    /** The Markdown report's file name. */
    public static final String MARKDOWN_FILE = "audit-report.md";

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path root;
    private final AuditTrail trail;
    private final Verification verification;
    private final JsonNode manifest;
    private final JsonNode spec;
    private final JsonNode info;

    private AuditReport(Path root, AuditTrail trail, Verification verification, JsonNode manifest, JsonNode spec,
            JsonNode info) {
        this.root = root;
        this.trail = trail;
        this.verification = verification;
        this.manifest = manifest;
        this.spec = spec;
        this.info = info;
    }

    /** Writes both reports on {@code runFolder} into {@code outDir}; returns the HTML file and the Markdown file. */
    public static List<Path> write(Path runFolder, Path outDir, Verification verification) {
        AuditDocument document = document(runFolder, verification);
        try {
            Files.createDirectories(outDir);
            Path html = Files.writeString(outDir.resolve(HTML_FILE), AuditDocumentHtml.render(document),
                    StandardCharsets.UTF_8);
            Path markdown = Files.writeString(outDir.resolve(MARKDOWN_FILE), AuditDocumentMarkdown.render(document),
                    StandardCharsets.UTF_8);
            return List.of(html, markdown);
        } catch (IOException e) {
            throw EnclaveException.badInput("cannot write the audit report to " + outDir + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The report on {@code runFolder} as a document. */
    public static AuditDocument document(Path runFolder, Verification verification) {
        Path root = runFolder.toAbsolutePath().normalize();
        AuditTrail trail = AuditTrail.read(root.resolve("audit.jsonl"));
        AuditReport report = new AuditReport(root, trail, verification, json(root.resolve("manifest.json")),
                yaml(root.resolve("spec.yaml")), json(root.resolve("run.json")));
        String runId = report.info.path("run_id").asText(root.getFileName().toString());
        return new AuditDocument("Audit report: " + runId, List.of(report.verificationSection(),
                report.runSection(), report.policySection(), report.sourcesSection(), report.writtenSection(),
                report.countsSection(), report.deidSection(), report.networkSection(), report.modelSection()));
    }

    private AuditDocument.Section verificationSection() {
        SectionBuilder section = new SectionBuilder("verification", "Verification");
        if (verification.passed()) {
            section.paragraph("Verified: the audit log's hash chain is intact and every file it lists in the run"
                    + " folder is unchanged.", Tone.GOOD);
        } else {
            section.paragraph("NOT VERIFIED: " + verification.failures().get(0).message(), Tone.BAD);
        }
        section.fact("Audit entries", verification.entries())
                .fact("Signatures", switch (verification.signature()) {
                    case UNSIGNED -> "none (the log is not signed with a steward's key)";
                    case SIGNED_NOT_CHECKED -> "present, not checked (no key given)";
                    case SIGNED_CHECKED -> "every entry's HMAC checked with the steward's key";
                })
                .fact("Chain head (sha256 of the last entry)", verification.chainHead())
                .fact("Run-folder files rechecked", verification.runFilesChecked())
                .fact("Files outside the run folder rechecked", verification.outsideFilesChecked());
        if (!verification.failures().isEmpty()) {
            section.table("Failures", List.of("entry", "file", "what"), findings(verification.failures()));
        }
        if (!verification.warnings().isEmpty()) {
            section.table("Warnings", List.of("entry", "file", "what"), findings(verification.warnings()));
        }
        return section.build();
    }

    private AuditDocument.Section runSection() {
        SectionBuilder section = new SectionBuilder("run", "Run")
                .fact("Run id", info.path("run_id").asText("?"))
                .fact("Pipeline", spec.path("name").asText("?"))
                .fact("Started", info.path("started").asText("?"))
                .fact("Working folder", info.path("working_dir").asText("?"))
                .fact("Run folder", root)
                .fact("Spec sha256", info.path("spec_sha256").asText("?"))
                .fact("Enclave version", info.path("enclave_version").asText("?"));
        List<List<String>> stages = new ArrayList<>();
        for (AuditTrail.Line line : trail.events(AuditEvent.Type.STAGE_END)) {
            stages.add(List.of(String.valueOf(line.index()), line.text("stage").orElse(""),
                    line.detail("outcome").asText(""), line.detail("millis").asText("")));
        }
        for (AuditTrail.Line line : trail.events(AuditEvent.Type.RUN_END)) {
            stages.add(List.of(String.valueOf(line.index()), "(run end)", line.detail("outcome").asText(""), ""));
        }
        stages.sort((a, b) -> Integer.compare(Integer.parseInt(a.get(0)), Integer.parseInt(b.get(0))));
        return section.table("Stages", List.of("entry", "stage", "outcome", "milliseconds"), stages).build();
    }

    private AuditDocument.Section policySection() {
        SectionBuilder section = new SectionBuilder("policy", "Residency policy");
        List<AuditTrail.Line> starts = trail.events(AuditEvent.Type.RUN_START);
        if (!starts.isEmpty()) {
            section.fact("Allowed folders", join(starts.get(0).detail("allowed_roots")))
                    .fact("Allowed hosts", join(starts.get(0).detail("allowed_hosts")));
        }
        List<List<String>> checks = new ArrayList<>();
        for (AuditTrail.Line line : trail.events(AuditEvent.Type.POLICY_CHECK)) {
            JsonNode detail = line.entry().path("detail");
            String what = detail.has("check") ? detail.path("check").asText() : compact(detail.path("checked"));
            checks.add(List.of(String.valueOf(line.index()), line.text("stage").orElse(""), what,
                    detail.path("outcome").asText(""), compact(withoutKeys(detail, "check", "checked", "outcome"))));
        }
        return section.table("Policy checks", List.of("entry", "stage", "checked", "outcome", "details"), checks)
                .build();
    }

    private AuditDocument.Section sourcesSection() {
        SectionBuilder section = new SectionBuilder("sources", "Sources read");
        List<List<String>> rows = new ArrayList<>();
        for (AuditTrail.Line start : trail.events(AuditEvent.Type.RUN_START)) {
            rows.add(List.of(String.valueOf(start.index()), "(spec)", start.detail("spec_source").asText(""), "", "",
                    start.detail("spec_source_sha256").asText("")));
        }
        for (AuditTrail.Line line : trail.events(AuditEvent.Type.READ)) {
            Optional<String> path = line.text("path");
            if (path.isPresent() && Path.of(path.get()).isAbsolute()) {
                rows.add(fileRow(line, path.get()));
            } else if (path.isEmpty()) {
                rows.add(List.of(String.valueOf(line.index()), line.text("stage").orElse(""),
                        compact(line.entry().path("detail")), "", "", ""));
            }
        }
        section.paragraph("Everything the run read from outside its own folder: input data, the spec, model files.");
        return section.table(null, List.of("entry", "stage", "source", "bytes", "rows", "sha256"), rows).build();
    }

    private AuditDocument.Section writtenSection() {
        Map<String, List<String>> lastWrite = new TreeMap<>();
        Map<String, Integer> deleted = new TreeMap<>();
        for (AuditTrail.Line line : trail.lines()) {
            Optional<String> path = line.text("path");
            if (path.isEmpty()) {
                continue;
            }
            if (line.event().equals("write")) {
                lastWrite.put(path.get(), fileRow(line, path.get()));
                deleted.remove(path.get());
            } else if (line.event().equals("delete")) {
                lastWrite.remove(path.get());
                deleted.put(path.get(), line.index());
            }
        }
        Map<String, long[]> folders = new TreeMap<>();
        for (List<String> row : lastWrite.values()) {
            String folder = location(row.get(2));
            long[] totals = folders.computeIfAbsent(folder, f -> new long[2]);
            totals[0]++;
            totals[1] += row.get(3).isEmpty() ? 0 : Long.parseLong(row.get(3));
        }
        List<List<String>> locations = new ArrayList<>();
        folders.forEach((folder, totals) -> locations.add(List.of(folder, String.valueOf(totals[0]),
                String.valueOf(totals[1]))));
        SectionBuilder section = new SectionBuilder("written", "Locations written")
                .table("Folders", List.of("folder", "files", "bytes"), locations)
                .table("Files (last write of each)", List.of("entry", "stage", "file", "bytes", "rows", "sha256"),
                        new ArrayList<>(lastWrite.values()));
        if (!deleted.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            deleted.forEach((path, entry) -> rows.add(List.of(String.valueOf(entry), path)));
            section.table("Deleted", List.of("entry", "file"), rows);
        }
        return section.build();
    }

    private AuditDocument.Section countsSection() {
        SectionBuilder section = new SectionBuilder("counts", "Record counts");
        JsonNode prepare = manifest.path("stages").path("prepare");
        if (prepare.isMissingNode()) {
            return section.paragraph("The prepare stage recorded no counts.").build();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("rows read", "", prepare.path("rows_in").asText("")));
        counts(prepare.path("quarantined")).forEach((reason, n) -> rows.add(List.of("quarantined", reason, n)));
        counts(prepare.path("filtered")).forEach((reason, n) -> rows.add(List.of("filtered", reason, n)));
        rows.add(List.of("rows kept", "", prepare.path("rows_out").asText("")));
        for (Iterator<Map.Entry<String, JsonNode>> it = prepare.path("splits").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> split = it.next();
            rows.add(List.of("split " + split.getKey(), split.getValue().path("groups").asText("?") + " groups",
                    split.getValue().path("rows").asText("")));
        }
        JsonNode train = manifest.path("stages").path("train");
        if (!train.isMissingNode()) {
            rows.add(List.of("training examples", train.path("steps").asText("?") + " steps",
                    train.path("train_examples").asText("")));
            rows.add(List.of("validation examples", "", train.path("validation_examples").asText("")));
        }
        JsonNode evaluate = manifest.path("stages").path("evaluate");
        if (!evaluate.isMissingNode()) {
            rows.add(List.of("test examples scored", "", evaluate.path("test_examples").asText("")));
        }
        return section.paragraph("From manifest.json: every row read is either quarantined, filtered or in a split.")
                .table(null, List.of("step", "detail", "records"), rows).build();
    }

    private AuditDocument.Section deidSection() {
        SectionBuilder section = new SectionBuilder("deidentification", "De-identification")
                .fact("Mode", spec.path("deid").path("mode").asText("?"));
        Map<String, String> replaced = counts(manifest.path("stages").path("prepare").path("phi_replaced"));
        long total = replaced.values().stream().mapToLong(Long::parseLong).sum();
        section.fact("Identifiers replaced", total);
        List<List<String>> rows = new ArrayList<>();
        replaced.forEach((type, n) -> rows.add(List.of(type, n)));
        return section.table("Replaced by kind", List.of("kind", "count"), rows).build();
    }

    private AuditDocument.Section networkSection() {
        List<AuditTrail.Line> attempts = trail.events(AuditEvent.Type.EGRESS_ATTEMPT);
        SectionBuilder section = new SectionBuilder("network", "Network");
        List<AuditTrail.Line> starts = trail.events(AuditEvent.Type.RUN_START);
        if (!starts.isEmpty()) {
            section.fact("Allowed hosts", join(starts.get(0).detail("allowed_hosts")));
        }
        section.fact("Connections refused by the egress guard", attempts.size());
        if (attempts.isEmpty()) {
            return section.paragraph("No connection outside the allowed hosts was attempted.", Tone.GOOD).build();
        }
        List<List<String>> rows = new ArrayList<>();
        for (AuditTrail.Line line : attempts) {
            rows.add(List.of(String.valueOf(line.index()), line.text("time").orElse(""),
                    line.detail("direction").asText(""), line.detail("host").asText("") + ":"
                            + line.detail("port").asText(""),
                    line.detail("origin").asText(""), line.detail("thread").asText("")));
        }
        return section.paragraph(attempts.size() + " connection attempt(s) to hosts outside the policy were refused.",
                        Tone.BAD)
                .table("Refused connections", List.of("entry", "time", "direction", "host:port", "origin", "thread"),
                        rows)
                .build();
    }

    private AuditDocument.Section modelSection() {
        SectionBuilder section = new SectionBuilder("model", "Model and licence");
        List<List<String>> weights = new ArrayList<>();
        for (AuditTrail.Line load : trail.events(AuditEvent.Type.MODEL_LOAD)) {
            section.fact("Model folder", load.detail("path").asText("?"))
                    .fact("Licence", load.detail("license").asText("?") + " (declared in "
                            + load.detail("license_declared_in").asText("?") + ")");
            for (Iterator<Map.Entry<String, JsonNode>> it = load.detail("weights_sha256").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> weight = it.next();
                weights.add(List.of(String.valueOf(load.index()), weight.getKey(), weight.getValue().asText()));
            }
        }
        for (AuditTrail.Line check : trail.events(AuditEvent.Type.POLICY_CHECK)) {
            if (!"model_license".equals(check.detail("check").asText())) {
                continue;
            }
            section.fact("Licence check", check.detail("outcome").asText("?") + " (allowed: "
                    + join(check.detail("allowed_licenses")) + ")");
            JsonNode override = check.detail("license_override");
            if (!override.isMissingNode()) {
                section.fact("Steward override", "licence " + override.path("license").asText() + ", approved by "
                        + override.path("approved_by").asText() + ": " + override.path("reason").asText()
                        + (override.path("applied").asBoolean() ? " (applied)" : " (not needed)"));
            }
        }
        return section.table("Weight files", List.of("entry", "file", "sha256"), weights).build();
    }

    private static List<String> fileRow(AuditTrail.Line line, String path) {
        return List.of(String.valueOf(line.index()), line.text("stage").orElse(""), path,
                line.text("bytes").orElse(""), line.text("rows").orElse(""), line.text("sha256").orElse(""));
    }

    /** The folder a file counts under: its first folder inside the run, or its parent outside. */
    private String location(String path) {
        Path file = Path.of(path);
        if (file.isAbsolute()) {
            return String.valueOf(file.getParent());
        }
        return file.getNameCount() > 1 ? root.resolve(file.getName(0)) + "/" : root + "/";
    }

    private static List<List<String>> findings(List<Finding> findings) {
        List<List<String>> rows = new ArrayList<>();
        for (Finding finding : findings) {
            rows.add(List.of(finding.entry() == null ? "" : String.valueOf(finding.entry()),
                    finding.path() == null ? "" : finding.path(), finding.message()));
        }
        return rows;
    }

    private static Map<String, String> counts(JsonNode node) {
        Map<String, String> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asText()));
        return counts;
    }

    private static String join(JsonNode values) {
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(v.asText()));
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static JsonNode withoutKeys(JsonNode detail, String... keys) {
        if (!detail.isObject()) {
            return detail;
        }
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        detail.fields().forEachRemaining(e -> rest.put(e.getKey(), e.getValue()));
        for (String key : keys) {
            rest.remove(key);
        }
        return YAML.valueToTree(rest);
    }

    private static String compact(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** A JSON file of the run, or a missing node when it is absent or no longer parses (verification says why). */
    private static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            return AuditLog.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static JsonNode yaml(Path file) {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
