package dev.enclave.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well de-identification did, beyond what it replaced: the quality gate on the steward's gold sample and the
 * residual scan of the training examples. Either part is null when it did not run.
 *
 * @param gate the gate's per-category figures, or null without a gate
 * @param residual the residual scan's counts, or null
 */
public record DeidQuality(Gate gate, Residual residual) {

    /**
     * The quality gate.
     *
     * @param gold the gold file as the spec names it
     * @param documents documents in it
     * @param matching how detected spans were matched to gold spans
     * @param rows one row per PHI type, then {@code ALL}
     * @param passed whether every minimum was met
     */
    public record Gate(String gold, int documents, String matching, List<GateRow> rows, boolean passed) {
        public Gate {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One category of the gate; undefined figures are null.
     *
     * @param category PHI type name or {@code ALL}
     * @param precision precision
     * @param recall recall
     * @param f1 F1
     * @param gold gold spans
     * @param minRecall the minimum for this row, or null
     * @param passed whether the row met its minimum
     */
    public record GateRow(String category, Double precision, Double recall, Double f1, long gold, Double minRecall,
            boolean passed) {}

    /**
     * The residual scan.
     *
     * @param bySplit residual hits per split and PHI type
     * @param tokens tokens scanned
     * @param perMillionTokens hits per million tokens
     * @param maxPerMillionTokens the spec's maximum, or null
     */
    public record Residual(Map<String, Map<String, Long>> bySplit, long tokens, double perMillionTokens,
            Double maxPerMillionTokens) {
        public Residual {
            Map<String, Map<String, Long>> copy = new TreeMap<>();
            bySplit.forEach((split, counts) -> copy.put(split, Map.copyOf(counts)));
            bySplit = java.util.Collections.unmodifiableMap(copy);
        }

        /** Hits of all types and splits. */
        public long hits() {
            return bySplit.values().stream().flatMap(counts -> counts.values().stream()).mapToLong(Long::longValue)
                    .sum();
        }
    }
}
