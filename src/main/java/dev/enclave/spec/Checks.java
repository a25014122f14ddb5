package dev.enclave.spec;

import java.util.List;

/** Validation helpers for spec records; each throws {@link SpecFieldException} naming the field. */
final class Checks {
    private Checks() {}

    static <T> T require(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new SpecFieldException(field, "missing required field '" + field + "'");
        }
        return value;
    }

    static <T> List<T> requireNonEmpty(List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new SpecFieldException(field, "'" + field + "' must list at least one value");
        }
        return List.copyOf(values);
    }

    static double fraction(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new SpecFieldException(field, "'" + field + "' must be between 0 and 1 (got " + value + ")");
        }
        return value;
    }

    static int positive(int value, String field) {
        if (value <= 0) {
            throw new SpecFieldException(field, "'" + field + "' must be positive (got " + value + ")");
        }
        return value;
    }

    static double positive(double value, String field) {
        if (!(value > 0)) {
            throw new SpecFieldException(field, "'" + field + "' must be positive (got " + value + ")");
        }
        return value;
    }

    static SpecFieldException invalid(String field, String message) {
        return new SpecFieldException(field, "'" + field + "' " + message);
    }
}
