package dev.enclave.spec;

import java.util.List;
import java.util.Objects;

/**
 * Canaries: made-up secrets in the shape of identifiers ("MRN 4829173") inserted into the train split at training
 * time, never into the prepared data, so that the evaluation can measure how much the model memorised them.
 *
 * @param count how many canaries (default 4); 0 turns canaries off
 * @param repeats how many times each canary is inserted into the train split (default 8)
 * @param shapes the identifier shapes, used in turn (default all of them)
 */
public record CanarySpec(Integer count, Integer repeats, List<Shape> shapes) {

    /** The shape of a canary's secret: a prefix phrase and digits from a known candidate space. */
    public enum Shape { MRN, SSN, PHONE, ACCOUNT }

    public CanarySpec {
        count = Objects.requireNonNullElse(count, 4);
        if (count < 0) {
            throw Checks.invalid("count", "must not be negative (got " + count + "); 0 turns canaries off");
        }
        if (count > 1000) {
            throw Checks.invalid("count", "must be at most 1000 (got " + count + ")");
        }
        repeats = Checks.positive(Objects.requireNonNullElse(repeats, 8), "repeats");
        if (shapes != null && shapes.stream().anyMatch(Objects::isNull)) {
            throw Checks.invalid("shapes", "must not hold an empty entry");
        }
        shapes = shapes == null ? List.of(Shape.values()) : Checks.requireNonEmpty(shapes, "shapes");
        if (shapes.stream().distinct().count() != shapes.size()) {
            throw Checks.invalid("shapes", "lists a shape twice");
        }
    }

    /** Whether canaries are inserted at all. */
    public boolean enabled() {
        return count > 0;
    }

    static CanarySpec defaults() {
        return new CanarySpec(null, null, null);
    }
}
