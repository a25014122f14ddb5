package dev.enclave.model.llama;

/**
 * How likely a causal LM finds one text. The arrays are owned by this value; do not modify them.
 *
 * @param tokenCount the number of tokens, special tokens (e.g. BOS) included
 * @param tokenLogProbs natural-log probability of each token after the first given the tokens before it
 *     ({@code tokenCount - 1} values)
 * @param truncated whether the text was cut to the model's maximum length before scoring
 */
public record SequenceScore(int tokenCount, float[] tokenLogProbs, boolean truncated) {

    /** Checks that there is one log-probability per predicted token. */
    public SequenceScore {
        if (tokenLogProbs.length != Math.max(0, tokenCount - 1)) {
            throw new IllegalArgumentException(tokenCount + " tokens need " + Math.max(0, tokenCount - 1)
                    + " log-probabilities, got " + tokenLogProbs.length);
        }
    }

    /**
     * Returns the log-likelihood of the text after its first token.
     *
     * @return the sum of the token log-probabilities, 0 for a one-token text
     */
    public double sumLogProb() {
        double sum = 0;
        for (float value : tokenLogProbs) {
            sum += value;
        }
        return sum;
    }
}
