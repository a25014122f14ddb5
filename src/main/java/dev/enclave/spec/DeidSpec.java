package dev.enclave.spec;

import dev.enclave.deid.RedactionMode;
import java.util.Objects;

/**
 * How identifiers in the text are replaced before anything else sees it.
 *
 * @param mode typed masks ({@code [NAME]}) or surrogates consistent within a group (default {@code mask})
 */
public record DeidSpec(RedactionMode mode) {
    public DeidSpec {
        mode = Objects.requireNonNullElse(mode, RedactionMode.MASK);
    }

    static DeidSpec defaults() {
        return new DeidSpec(null);
    }
}
