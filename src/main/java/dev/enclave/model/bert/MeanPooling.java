package dev.enclave.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Masked mean pooling over tokens, as sentence-transformers computes sentence embeddings. */
public final class MeanPooling {

    private MeanPooling() {}

    /**
     * Averages the hidden states of the tokens whose mask is 1.
     *
     * @param hidden hidden states [B, T, H]
     * @param attentionMask mask [B, T], 1 for tokens and 0 for padding
     * @return the pooled vectors [B, H]; all-padding rows give zeros
     */
    public static NDArray pool(NDArray hidden, NDArray attentionMask) {
        NDArray mask = attentionMask.toType(DataType.FLOAT32, false).expandDims(-1);
        NDArray summed = hidden.mul(mask).sum(new int[] {1});
        NDArray counts = mask.sum(new int[] {1}).clip(1e-9f, Float.MAX_VALUE);
        return summed.div(counts);
    }
}
