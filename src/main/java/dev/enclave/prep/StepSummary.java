package dev.enclave.prep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the rows that entered one preparation step went: {@code rowsIn = rowsOut + quarantined + filtered}, always.
 *
 * @param step the step's name (ingest, deidentify, dedup, filter, split, format)
 * @param rowsIn rows that entered the step
 * @param rowsOut rows it passed on
 * @param quarantined rows it quarantined, per {@link QuarantineReason}
 * @param filtered rows it filtered out, per {@link FilterReason}
 * @param truncated rows it passed on shortened, per reason (not a loss: they are in {@code rowsOut})
 */
public record StepSummary(
        String step,
        @JsonProperty("rows_in") long rowsIn,
        @JsonProperty("rows_out") long rowsOut,
        Map<String, Long> quarantined,
        Map<String, Long> filtered,
        Map<String, Long> truncated) {

    public StepSummary {
        quarantined = new TreeMap<>(quarantined);
        filtered = new TreeMap<>(filtered);
        truncated = new TreeMap<>(truncated);
        long accounted = rowsOut + sum(quarantined) + sum(filtered);
        if (accounted != rowsIn) {
            throw new IllegalStateException("row accounting broken in step " + step + ": in " + rowsIn + ", out "
                    + rowsOut + ", quarantined " + sum(quarantined) + ", filtered " + sum(filtered));
        }
    }

    static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
