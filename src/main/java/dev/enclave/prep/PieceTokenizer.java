package dev.enclave.prep;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model's {@code tokenizer.json} without special tokens and without truncation: for counting a text's tokens and
 * for building causal examples piece by piece. Holds a native tokenizer: close it.
 */
final class PieceTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private PieceTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static PieceTokenizer open(String tokenizerFile) throws IOException {
        Path file = Path.of(tokenizerFile);
        if (!Files.isRegularFile(file)) {
            throw new IOException(tokenizerFile + ": tokenizer file not found");
        }
        try {
            return new PieceTokenizer(HuggingFaceTokenizer.newInstance(file, Map.of(
                    "addSpecialTokens", "false", "truncation", "false", "padding", "false")));
        } catch (RuntimeException e) {
            throw new IOException(tokenizerFile + ": cannot load tokenizer: " + e.getMessage(), e);
        }
    }

    /** The text's token ids. */
    long[] ids(String text) {
        return tokenizer.encode(text).getIds();
    }

    /**
     * The number of characters of {@code text} that its first {@code tokens} tokens cover: cutting the text there
     * keeps those tokens.
     */
    int charsOfFirstTokens(String text, int tokens) {
        if (tokens <= 0) {
            return 0;
        }
        Encoding encoding = tokenizer.encode(text);
        CharSpan[] spans = encoding.getCharTokenSpans();
        for (int i = Math.min(tokens, spans.length) - 1; i >= 0; i--) {
            if (spans[i] != null) {
                return spans[i].getEnd();
            }
        }
        return 0;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
