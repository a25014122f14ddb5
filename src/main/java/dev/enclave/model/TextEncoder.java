package dev.enclave.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns text into BERT inputs with a local {@code tokenizer.json}: special tokens added, truncated to a maximum
 * length, not padded (see {@link dev.enclave.model.bert.BertInputs} for batching). Counts truncated texts.
 *
 * <p>Holds a native tokenizer: close it. Not serializable; ship a {@link TextEncoderFactory} to Spark tasks and
 * open one encoder per task.
 */
public final class TextEncoder implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;
    private final AtomicLong encoded = new AtomicLong();
    private final AtomicLong truncated = new AtomicLong();

    private TextEncoder(HuggingFaceTokenizer tokenizer, int maxLength) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    /**
     * Opens a tokenizer file; nothing is downloaded.
     *
     * @param tokenizerFile the {@code tokenizer.json}
     * @param maxLength the maximum number of tokens per text, special tokens included (at least 2)
     * @return the encoder
     * @throws IOException if the file is missing or not a tokenizer
     */
    public static TextEncoder open(Path tokenizerFile, int maxLength) throws IOException {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2, got " + maxLength);
        }
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new IOException(tokenizerFile + ": tokenizer file not found");
        }
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(maxLength),
                "modelMaxLength", Integer.toString(maxLength));
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile, options);
        } catch (RuntimeException e) {
            throw new IOException(tokenizerFile + ": cannot load tokenizer: " + e.getMessage(), e);
        }
        return new TextEncoder(tokenizer, maxLength);
    }

    /**
     * Returns the maximum length in tokens.
     *
     * @return the maximum length
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Encodes one text.
     *
     * @param text the text
     * @return the ids, mask and type ids, at most {@link #maxLength()} long
     */
    public EncodedText encode(String text) {
        return toEncodedText(tokenizer.encode(text));
    }

    /**
     * Encodes several texts in one native call.
     *
     * @param texts the texts
     * @return one encoding per text, in order
     */
    public List<EncodedText> encodeAll(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        List<EncodedText> result = new ArrayList<>(encodings.length);
        for (Encoding encoding : encodings) {
            result.add(toEncodedText(encoding));
        }
        return result;
    }

    /**
     * Turns token ids back into text with the tokenizer's decoder.
     *
     * @param ids the token ids
     * @param skipSpecialTokens whether special tokens (e.g. BOS, EOS, padding) are left out
     * @return the text
     */
    public String decode(long[] ids, boolean skipSpecialTokens) {
        return tokenizer.decode(ids, skipSpecialTokens);
    }

    /**
     * Returns how many texts this encoder has encoded.
     *
     * @return the count since opening
     */
    public long encodedCount() {
        return encoded.get();
    }

    /**
     * Returns how many encoded texts were truncated.
     *
     * @return the count since opening
     */
    public long truncatedCount() {
        return truncated.get();
    }

    private EncodedText toEncodedText(Encoding encoding) {
        boolean cut = encoding.exceedMaxLength();
        encoded.incrementAndGet();
        if (cut) {
            truncated.incrementAndGet();
        }
        return new EncodedText(encoding.getIds(), encoding.getAttentionMask(), encoding.getTypeIds(), cut);
    }

    /** Releases the native tokenizer. */
    @Override
    public void close() {
        tokenizer.close();
    }
}
