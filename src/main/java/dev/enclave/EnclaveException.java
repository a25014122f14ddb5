package dev.enclave;

/**
 * A failure Enclave explains to its user. The message names where the problem is (file, line, field, path) and never
 * carries the content of a private record. {@link #exitCode()} is what the CLI returns.
 */
public class EnclaveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for bad input: a malformed spec, a missing or unreadable input, a residency violation. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a failure inside Enclave or a library it drives. */
    public static final int INTERNAL = 1;
    /** Exit code for a gate the spec sets (de-identification quality, privacy) that the run did not pass. */
    public static final int GATE_FAILED = 3;

    private final int exitCode;

    protected EnclaveException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A problem with what the user gave Enclave: exit code 2. */
    public static EnclaveException badInput(String message) {
        return new EnclaveException(message, BAD_INPUT, null);
    }

    /** A problem with what the user gave Enclave, with the low-level cause kept for {@code --verbose}. */
    public static EnclaveException badInput(String message, Throwable cause) {
        return new EnclaveException(message, BAD_INPUT, cause);
    }

    /** A failure Enclave could not attribute to the input: exit code 1. */
    public static EnclaveException internal(String message, Throwable cause) {
        return new EnclaveException(message, INTERNAL, cause);
    }

    /**
     * A gate of the spec that the run did not pass: exit code 3. The message names the gate, the measured figure and
     * the spec's threshold.
     */
    public static EnclaveException gateFailed(String message) {
        return new EnclaveException(message, GATE_FAILED, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
