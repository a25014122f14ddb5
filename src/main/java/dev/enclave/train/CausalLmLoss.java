package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.enclave.model.llama.TokenLogProbs;

/**
 * Next-token cross-entropy for a causal LM, counted only on completion tokens: the logits at position t predict the
 * token at t + 1, and a target counts when its mask is 1. Prompt and padding tokens are context only, as in
 * instruction tuning where the loss covers the answer and not the question. Built on {@link TokenLogProbs}, which
 * scoring uses too.
 */
public final class CausalLmLoss {
    private CausalLmLoss() {}

    /**
     * The mean negative log-likelihood of the masked-in target tokens.
     *
     * @param logits [B, T, vocab] from the model
     * @param inputIds the int64 [B, T] the logits were computed on
     * @param targetMask [B, T], 1 for the tokens to predict (e.g. from {@link #completionMask}); position 0 is never
     *     a target
     * @return a scalar; 0 when no token is masked in
     */
    public static NDArray completionLoss(NDArray logits, NDArray inputIds, NDArray targetMask) {
        NDArray weights = targetMask.get(new NDIndex(":, 1:")).toType(DataType.FLOAT32, false);
        return TokenLogProbs.of(logits, inputIds).mul(weights).sum().neg().div(weights.sum().maximum(1f));
    }

    /**
     * A [B, width] int64 mask that is 1 on positions {@code promptLengths[b] ≤ t < lengths[b]}: the completion after
     * each prompt, excluding padding.
     */
    public static NDArray completionMask(NDManager manager, int[] promptLengths, int[] lengths, int width) {
        long[] mask = new long[promptLengths.length * width];
        for (int row = 0; row < promptLengths.length; row++) {
            if (promptLengths[row] < 0 || promptLengths[row] > lengths[row] || lengths[row] > width) {
                throw new IllegalArgumentException("row " + row + ": prompt of " + promptLengths[row] + " tokens in "
                        + lengths[row] + " tokens, width " + width);
            }
            for (int t = promptLengths[row]; t < lengths[row]; t++) {
                mask[row * width + t] = 1;
            }
        }
        return manager.create(mask, new Shape(promptLengths.length, width));
    }
}
