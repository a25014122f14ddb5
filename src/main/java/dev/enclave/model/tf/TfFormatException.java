package dev.enclave.model.tf;

import java.io.IOException;

/**
 * Thrown when a TensorFlow checkpoint is not in a form this reader understands or fails an integrity check; the
 * message names the file and, where there is one, the block or tensor.
 */
public final class TfFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public TfFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and where
     * @param cause the underlying parse error
     */
    public TfFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
