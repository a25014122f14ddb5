package dev.enclave.spec;

import java.util.Objects;

/**
 * How identifiers in the text are replaced before anything else sees it.
 *
 * @param mode typed masks or consistent surrogates
 */
public record DeidSpec(Mode mode) {

    /** Replacement modes. */
    public enum Mode { MASK, SURROGATE }

    public DeidSpec {
        mode = Objects.requireNonNullElse(mode, Mode.MASK);
    }

    static DeidSpec defaults() {
        return new DeidSpec(null);
    }
}
