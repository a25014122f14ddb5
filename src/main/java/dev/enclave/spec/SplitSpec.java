package dev.enclave.spec;

import java.util.Objects;

/**
 * Fractions of groups (patients, cases) that go to each split (default 0.8 / 0.1 / 0.1). Groups are stratified by their
 * most frequent label, so label proportions carry over to every split.
 */
public record SplitSpec(Double train, Double validation, Double test) {
    public SplitSpec {
        train = Checks.fraction(Objects.requireNonNullElse(train, 0.8), "train");
        validation = Checks.fraction(Objects.requireNonNullElse(validation, 0.1), "validation");
        test = Checks.fraction(Objects.requireNonNullElse(test, 0.1), "test");
        if (Math.abs(train + validation + test - 1.0) > 1e-9) {
            throw Checks.invalid("test", "makes train + validation + test " + (train + validation + test) + "; they must add up to 1");
        }
        if (train == 0 || test == 0) {
            throw Checks.invalid(train == 0 ? "train" : "test", "must be above 0");
        }
    }

    static SplitSpec defaults() {
        return new SplitSpec(null, null, null);
    }
}
