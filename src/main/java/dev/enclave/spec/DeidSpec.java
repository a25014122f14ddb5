package dev.enclave.spec;

import dev.enclave.deid.RedactionMode;
import java.util.Objects;

/**
 * How identifiers in the text are replaced before anything else sees it, and the two checks of that replacement.
 *
 * @param mode typed masks ({@code [NAME]}) or surrogates consistent within a group (default {@code mask})
 * @param gate a quality gate on a steward-annotated gold sample, scored before any data is processed; none when
 *     absent
 * @param maxResidualPerMillionTokens the residual scan (the detectors run again over the decoded training examples of
 *     every split, Enclave's own masks and surrogates not counted) fails the run when it finds more hits than this per
 *     million tokens; absent: the scan runs and is reported but stops nothing. A rate rather than a count, so that one
 *     spec holds for a sample and for the full corpus; 0 allows none
 */
public record DeidSpec(RedactionMode mode, DeidGateSpec gate, Double maxResidualPerMillionTokens) {
    public DeidSpec {
        mode = Objects.requireNonNullElse(mode, RedactionMode.MASK);
        if (maxResidualPerMillionTokens != null && !(maxResidualPerMillionTokens >= 0)) {
            throw Checks.invalid("max_residual_per_million_tokens", "must not be negative (got "
                    + maxResidualPerMillionTokens + ")");
        }
    }

    static DeidSpec defaults() {
        return new DeidSpec(null, null, null);
    }
}
