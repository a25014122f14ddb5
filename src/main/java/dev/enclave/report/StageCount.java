package dev.enclave.report;

import java.util.Map;
import java.util.Objects;

/**
 * Rows into and out of one data-preparation stage, with the rows it set aside by reason.
 *
 * @param stage               stage name, e.g. {@code ingest}, {@code dedup}
 * @param rowsIn              rows the stage received
 * @param rowsOut             rows it passed on
 * @param quarantinedByReason rows set aside as invalid (kept for the data steward to inspect), by reason
 * @param filteredByReason    rows dropped by design (duplicates, too short), by reason
 */
public record StageCount(String stage, long rowsIn, long rowsOut, Map<String, Long> quarantinedByReason,
        Map<String, Long> filteredByReason) {

    public StageCount {
        Objects.requireNonNull(stage, "stage");
        quarantinedByReason = Map.copyOf(quarantinedByReason);
        filteredByReason = Map.copyOf(filteredByReason);
    }

    /** Rows quarantined for any reason. */
    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows filtered for any reason. */
    public long filtered() {
        return filteredByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code rowsIn - rowsOut - quarantined - filtered}: 0 when every row is accounted for. */
    public long unaccounted() {
        return rowsIn - rowsOut - quarantined() - filtered();
    }
}
