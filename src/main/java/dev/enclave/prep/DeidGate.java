package dev.enclave.prep;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.enclave.EnclaveException;
import dev.enclave.deid.AnnotatedDocument;
import dev.enclave.deid.DeidInputException;
import dev.enclave.deid.DeidScorer;
import dev.enclave.deid.Deidentifier;
import dev.enclave.deid.DocumentFiles;
import dev.enclave.deid.PhiSpan;
import dev.enclave.deid.PhiType;
import dev.enclave.run.FileRecord;
import dev.enclave.run.RunContext;
import dev.enclave.spec.DeidGateSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The de-identification quality gate: scores the run's detectors on the steward's gold sample ({@code deid.gate})
 * before the prepare stage touches the data, and stops the run with {@link EnclaveException#gateFailed} when recall
 * overall or of a listed type is below its minimum. The figures go to the manifest; the gold file is read through
 * the run's audited file access. Messages carry figures only, never the gold text.
 */
public final class DeidGate {

    /**
     * One row of the gate's table: a PHI type, or {@code ALL}.
     *
     * @param category the PHI type name or {@code ALL}
     * @param gold gold spans (code points under character matching)
     * @param found gold spans the detectors found
     * @param predicted spans the detectors reported
     * @param correct of those, agreeing with the gold
     * @param precision correct / predicted (null when nothing was predicted)
     * @param recall found / gold (null without gold)
     * @param f1 harmonic mean (null when either is undefined)
     * @param minRecall the minimum that applies to this row, or null
     * @param passed whether the row meets its minimum (true when it has none)
     */
    public record Category(String category, long gold, long found, long predicted, long correct, Double precision,
            Double recall, Double f1, @JsonProperty("min_recall") Double minRecall, boolean passed) {

        static Category of(DeidScorer.Score score, Double minRecall) {
            boolean passed = minRecall == null || (!Double.isNaN(score.recall()) && score.recall() >= minRecall);
            return new Category(score.label(), score.gold(), score.goldFound(), score.predicted(),
                    score.predictedCorrect(), defined(score.precision()), defined(score.recall()),
                    defined(score.f1()), minRecall, passed);
        }

        private static Double defined(double value) {
            return Double.isNaN(value) ? null : value;
        }
    }

    /**
     * The gate's outcome, as the manifest holds it.
     *
     * @param gold the gold file as the spec names it
     * @param goldSha256 its content hash
     * @param documents documents in it
     * @param matching the matching recall was measured under
     * @param categories one row per PHI type in the gold or the predictions, then {@code ALL}
     * @param failing the rows below their minimum
     * @param passed whether every row met its minimum
     */
    public record Result(String gold, @JsonProperty("gold_sha256") String goldSha256, int documents,
            DeidScorer.Matching matching, List<Category> categories, List<String> failing, boolean passed) {

        public Result {
            categories = List.copyOf(categories);
            failing = List.copyOf(failing);
        }

        /** The row of {@code ALL}. */
        public Category overall() {
            return categories.get(categories.size() - 1);
        }

        /** A plain-text table: category, precision, recall, F1, gold count, minimum, and a mark on failing rows. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  %-12s %9s %7s %7s %7s %7s%n",
                    "category", "precision", "recall", "F1", "gold", "min"));
            for (Category row : categories) {
                out.append(String.format(Locale.ROOT, "  %-12s %9s %7s %7s %7d %7s%s%n", row.category(),
                        figure(row.precision()), figure(row.recall()), figure(row.f1()), row.gold(),
                        figure(row.minRecall()), row.passed() ? "" : "  FAIL"));
            }
            return out.toString();
        }

        private static String figure(Double value) {
            return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
        }
    }

    private DeidGate() {}

    /** Runs the spec's gate, if any: records the read and the figures, and throws when the gate is not passed. */
    static Result check(RunContext run, String stage, Deidentifier deidentifier) {
        DeidGateSpec gate = run.spec().deid().gate();
        if (gate == null) {
            return null;
        }
        Path file = run.policy().resolve(gate.gold(), "deid.gate.gold");
        List<AnnotatedDocument> documents;
        try {
            documents = DocumentFiles.readAnnotated(file);
        } catch (DeidInputException e) {
            throw EnclaveException.badInput("deid.gate.gold: " + e.getMessage(), e);
        }
        FileRecord read = run.files().recordRead(stage, file, (long) documents.size());
        Result result = evaluate(gate, deidentifier, documents, gate.gold(), read.sha256());
        if (!result.passed()) {
            run.manifest().putStage(stage, Map.of("deid_gate", result));
            run.writeManifest(stage);
            enforce(result, gate);
        }
        return result;
    }

    /** Throws {@link EnclaveException#gateFailed} naming the failing rows, with the table, when the gate failed. */
    static void enforce(Result result, DeidGateSpec gate) {
        if (!result.passed()) {
            throw EnclaveException.gateFailed(failure(result, gate));
        }
    }

    /** Scores {@code deidentifier} on {@code documents} against the gate's minimums. */
    public static Result evaluate(DeidGateSpec gate, Deidentifier deidentifier, List<AnnotatedDocument> documents,
            String goldName, String goldSha256) {
        Map<String, List<PhiSpan>> gold = new LinkedHashMap<>();
        Map<String, List<PhiSpan>> predicted = new LinkedHashMap<>();
        for (AnnotatedDocument document : documents) {
            gold.computeIfAbsent(document.id(), id -> new ArrayList<>()).addAll(document.spans());
            predicted.computeIfAbsent(document.id(), id -> new ArrayList<>())
                    .addAll(deidentifier.detect(document.text()));
        }
        DeidScorer.Table table = DeidScorer.score(gold, predicted).table(gate.matching());
        List<Category> rows = new ArrayList<>();
        for (DeidScorer.Score score : table.perType()) {
            rows.add(Category.of(score, gate.minRecallByType().get(score.type())));
        }
        for (Map.Entry<PhiType, Double> min : gate.minRecallByType().entrySet()) {
            if (rows.stream().noneMatch(row -> row.category().equals(min.getKey().name()))) {
                rows.add(Category.of(table.score(min.getKey()), min.getValue()));
            }
        }
        rows.add(Category.of(table.overall(), gate.minRecall()));
        List<String> failing = rows.stream().filter(row -> !row.passed()).map(Category::category).toList();
        return new Result(goldName, goldSha256, documents.size(), gate.matching(), rows, failing, failing.isEmpty());
    }

    private static String failure(Result result, DeidGateSpec gate) {
        List<String> below = new ArrayList<>();
        for (Category row : result.categories()) {
            if (!row.passed()) {
                below.add(String.format(Locale.ROOT, "%s recall %s < %.3f", row.category(),
                        row.recall() == null ? "n/a (no gold spans)" : String.format(Locale.ROOT, "%.3f",
                                row.recall()), row.minRecall()));
            }
        }
        return String.format(Locale.ROOT, "deid.gate: de-identification recall below the minimum on %s (%d documents,"
                + " %s matching): %s; overall recall %s, deid.gate.min_recall %.3f%n%s", gate.gold(),
                result.documents(), result.matching().name().toLowerCase(Locale.ROOT), String.join(", ", below),
                Result.figure(result.overall().recall()), gate.minRecall(), result.table());
    }
}
