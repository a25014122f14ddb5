package dev.enclave.model.safetensors;

import java.io.IOException;

/** Thrown when a safetensors file or shard index is malformed or inconsistent; the message names file and tensor. */
public final class SafetensorsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the file and, where there is one, the tensor
     */
    public SafetensorsFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong, naming the file and, where there is one, the tensor
     * @param cause the underlying error
     */
    public SafetensorsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
