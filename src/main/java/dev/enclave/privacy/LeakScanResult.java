package dev.enclave.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a scan of a generative model's outputs found. Counts and canary ids only: never the generated text.
 *
 * @param generations texts scanned
 * @param generationsWithPhi texts in which the detectors found at least one identifier
 * @param hitsByType identifiers found, by PHI type name (types with no hit left out), sorted by name
 * @param canaries canaries looked for
 * @param reproducedCanaries ids of the canaries whose secret appears verbatim in some text
 */
public record LeakScanResult(
        int generations,
        int generationsWithPhi,
        Map<String, Long> hitsByType,
        int canaries,
        List<String> reproducedCanaries) {

    public LeakScanResult {
        hitsByType = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(hitsByType));
        reproducedCanaries = List.copyOf(reproducedCanaries);
    }

    /** Number of canaries reproduced verbatim. */
    @JsonProperty("verbatim_canaries")
    public int verbatimCanaries() {
        return reproducedCanaries.size();
    }

    /** Identifiers found, all types together. */
    @JsonProperty("total_hits")
    public long totalHits() {
        return hitsByType.values().stream().mapToLong(Long::longValue).sum();
    }
}
