package dev.enclave.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.enclave.prep.PreparedSplits.CausalSequence;
import java.util.List;

/** Turns causal-lm rows into right-padded model inputs with their loss mask. */
public final class CausalBatches {
    private CausalBatches() {}

    /**
     * The rows at {@code indices}, padded to the longest with {@code padTokenId}.
     *
     * @return NDList(input_ids, attention_mask, loss_mask), each int64 [B, T]; padding has mask and loss mask 0
     */
    public static NDList inputs(NDManager manager, List<CausalSequence> rows, int[] indices, int padTokenId) {
        int width = 0;
        for (int index : indices) {
            width = Math.max(width, rows.get(index).inputIds().length);
        }
        long[] ids = new long[indices.length * width];
        long[] attention = new long[ids.length];
        long[] loss = new long[ids.length];
        java.util.Arrays.fill(ids, padTokenId);
        for (int row = 0; row < indices.length; row++) {
            CausalSequence sequence = rows.get(indices[row]);
            for (int t = 0; t < sequence.inputIds().length; t++) {
                ids[row * width + t] = sequence.inputIds()[t];
                attention[row * width + t] = 1;
                loss[row * width + t] = sequence.lossMask()[t];
            }
        }
        Shape shape = new Shape(indices.length, width);
        return new NDList(manager.create(ids, shape), manager.create(attention, shape), manager.create(loss, shape));
    }

    /** Real tokens in the rows at {@code indices}. */
    public static long tokens(List<CausalSequence> rows, int[] indices) {
        long tokens = 0;
        for (int index : indices) {
            tokens += rows.get(index).inputIds().length;
        }
        return tokens;
    }
}
