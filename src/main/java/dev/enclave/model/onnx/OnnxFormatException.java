package dev.enclave.model.onnx;

import java.io.IOException;

/** Thrown when ONNX bytes are not a ModelProto this reader understands; the message names the source. */
public final class OnnxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     * @param cause the underlying parse error, or null
     */
    public OnnxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
