package dev.enclave.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/** Next-token log-probabilities of a causal LM: what scoring reports and what causal-LM training minimises. */
public final class TokenLogProbs {

    private TokenLogProbs() {}

    /**
     * Computes {@code log p(ids[:, t + 1] | ids[:, ..t])} for every position.
     *
     * @param logits [B, T, vocab]
     * @param inputIds int64 [B, T]
     * @return [B, T - 1] on the manager of {@code logits}
     */
    public static NDArray of(NDArray logits, NDArray inputIds) {
        NDArray predictions = logits.get(new NDIndex(":, :-1, :")).logSoftmax(-1);
        NDArray targets = inputIds.get(new NDIndex(":, 1:")).expandDims(-1);
        return predictions.gather(targets, -1).squeeze(-1);
    }

    /**
     * Returns which targets count: token t + 1 is predicted only where both it and token t are real (mask 1).
     *
     * @param attentionMask int64 [B, T]
     * @return float32 [B, T - 1] of ones and zeros
     */
    public static NDArray targetMask(NDArray attentionMask) {
        NDArray mask = attentionMask.toType(DataType.FLOAT32, false);
        return mask.get(new NDIndex(":, 1:")).mul(mask.get(new NDIndex(":, :-1")));
    }

    /**
     * Computes the mean negative log-likelihood of the real next tokens, the usual causal-LM training loss.
     *
     * @param logits [B, T, vocab]
     * @param inputIds int64 [B, T]
     * @param attentionMask int64 [B, T]
     * @return a scalar; 0 when no target counts
     */
    public static NDArray meanNegativeLogLikelihood(NDArray logits, NDArray inputIds, NDArray attentionMask) {
        NDArray weights = targetMask(attentionMask);
        NDArray total = of(logits, inputIds).mul(weights).sum().neg();
        return total.div(weights.sum().maximum(1f));
    }
}
