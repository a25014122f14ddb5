package dev.enclave.spec;

import dev.enclave.deid.DeidScorer;
import dev.enclave.deid.PhiType;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The de-identification quality gate: before it processes any data, the prepare stage runs the configured detectors
 * on a gold sample a data steward annotated and stops the run (exit code 3) when recall is below the minimum.
 *
 * @param gold JSONL, one document a line: {@code {"id", "text", "spans": [{"start", "end", "type"}]}} with code point
 *     offsets (the {@code enclave deid score} gold format plus the text); it must lie under the allowed roots
 * @param matching how a detected span must agree with a gold span: {@code overlap} (default), {@code exact_span},
 *     {@code exact_span_and_type} or {@code character}
 * @param minRecall the minimum recall over all types
 * @param minRecallByType stricter or looser minimums for single PHI types (e.g. {@code NAME: 0.99}); a type the gold
 *     does not contain fails its minimum
 */
public record DeidGateSpec(String gold, DeidScorer.Matching matching, Double minRecall,
        Map<PhiType, Double> minRecallByType) {
    public DeidGateSpec {
        Checks.require(gold, "gold");
        matching = Objects.requireNonNullElse(matching, DeidScorer.Matching.OVERLAP);
        Checks.fraction(Checks.require(minRecall, "min_recall"), "min_recall");
        minRecallByType = minRecallByType == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(minRecallByType));
        minRecallByType.forEach((type, min) -> Checks.fraction(Checks.require(min, "min_recall_by_type." + type),
                "min_recall_by_type." + type));
    }
}
