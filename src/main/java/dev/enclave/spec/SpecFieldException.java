package dev.enclave.spec;

/** A spec value that breaks a rule, naming the field (in YAML spelling) so the loader can point at its line. */
final class SpecFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    SpecFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
