package dev.enclave.prep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code prepare} entry of the manifest: where every input row went. {@code rowsIn = rowsOut + quarantined +
 * filtered}, and the splits' rows add up to {@code rowsOut}.
 *
 * @param rowsIn records read from the input (header and blank lines excluded)
 * @param rowsOut rows written to the splits
 * @param quarantined rows quarantined, per {@link QuarantineReason}
 * @param filtered rows filtered out by spec filters, per reason
 * @param phiReplaced identifiers replaced by de-identification, per PHI kind
 * @param splits per split: rows, groups, labels, tokens
 */
public record PrepareSummary(
        @JsonProperty("rows_in") long rowsIn,
        @JsonProperty("rows_out") long rowsOut,
        Map<String, Long> quarantined,
        Map<String, Long> filtered,
        @JsonProperty("phi_replaced") Map<String, Long> phiReplaced,
        Map<String, SplitStatistics.Split> splits) {

    public PrepareSummary {
        quarantined = new TreeMap<>(quarantined);
        filtered = new TreeMap<>(filtered);
        phiReplaced = new TreeMap<>(phiReplaced);
    }

    static PrepareSummary of(long rowsIn, long rowsOut, Map<String, Long> quarantined, Map<String, Long> phiReplaced,
            Map<String, SplitStatistics.Split> splits) {
        return new PrepareSummary(rowsIn, rowsOut, quarantined, Map.of(), phiReplaced, splits);
    }

    /** What is known when the run stops at the quarantine gate. */
    static PrepareSummary quarantineOnly(long rowsIn, Map<String, Long> quarantined) {
        return new PrepareSummary(rowsIn, 0, quarantined, Map.of(), Map.of(), Map.of());
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Fails loudly if a row went missing: a bug, never the user's fault. */
    void checkAccounting() {
        long accounted = rowsOut + sum(quarantined) + sum(filtered);
        long inSplits = splits.values().stream().mapToLong(SplitStatistics.Split::rows).sum();
        if (accounted != rowsIn || inSplits != rowsOut) {
            throw new IllegalStateException("row accounting broken: in " + rowsIn + ", out " + rowsOut
                    + ", quarantined " + sum(quarantined) + ", filtered " + sum(filtered) + ", in splits " + inSplits);
        }
    }
}
