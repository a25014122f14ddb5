package dev.enclave.model.bert;

import dev.enclave.model.EncodedText;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.List;

/** Builds the padded int64 input batch a {@link BertEncoder} or {@link BertClassifier} takes. */
public final class BertInputs {

    private BertInputs() {}

    /**
     * Pads texts to the longest one with the pad id (mask 0, type id 0).
     *
     * @param manager the manager of the new arrays
     * @param texts the encoded texts, at least one
     * @param padTokenId the id used for padding (config pad_token_id)
     * @return NDList(input_ids, attention_mask, token_type_ids), each int64 [B, T]
     */
    public static NDList batch(NDManager manager, List<EncodedText> texts, int padTokenId) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one text");
        }
        int rows = texts.size();
        int length = texts.stream().mapToInt(EncodedText::length).max().orElseThrow();
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        Arrays.fill(ids, padTokenId);
        for (int row = 0; row < rows; row++) {
            EncodedText text = texts.get(row);
            System.arraycopy(text.inputIds(), 0, ids, row * length, text.length());
            System.arraycopy(text.attentionMask(), 0, mask, row * length, text.length());
            System.arraycopy(text.tokenTypeIds(), 0, types, row * length, text.length());
        }
        Shape shape = new Shape(rows, length);
        return new NDList(manager.create(ids, shape), manager.create(mask, shape), manager.create(types, shape));
    }
}
