package dev.enclave.model;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A serializable recipe for a {@link TextEncoder}: ship it to Spark tasks and call {@link #open()} once per task
 * (e.g. in {@code mapPartitions}, closing the encoder when the partition is done).
 *
 * @param tokenizerFile the path of {@code tokenizer.json}, readable where the task runs
 * @param maxLength the maximum number of tokens per text
 */
public record TextEncoderFactory(String tokenizerFile, int maxLength) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates the settings. */
    public TextEncoderFactory {
        if (tokenizerFile == null || tokenizerFile.isBlank()) {
            throw new IllegalArgumentException("tokenizerFile is required");
        }
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2, got " + maxLength);
        }
    }

    /**
     * Creates a factory for a model folder's tokenizer.
     *
     * @param folder the model folder
     * @param maxLength the maximum number of tokens per text
     * @return the factory
     */
    public static TextEncoderFactory of(HfModelFolder folder, int maxLength) {
        return new TextEncoderFactory(folder.tokenizerFile().toString(), maxLength);
    }

    /**
     * Opens a new encoder; the caller closes it.
     *
     * @return the encoder
     * @throws IOException if the tokenizer cannot be loaded
     */
    public TextEncoder open() throws IOException {
        return TextEncoder.open(Path.of(tokenizerFile), maxLength);
    }
}
