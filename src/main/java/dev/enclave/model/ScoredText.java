package dev.enclave.model;

/**
 * How likely a model finds one text. The array is owned by this value; do not modify it.
 *
 * @param tokenCount tokens the text encoded to, special tokens included
 * @param tokenLogProbs natural-log probability of each scored token, in order (a causal LM scores every token after
 *     the first given those before it; a masked LM every token but the first and last, each masked in turn)
 * @param truncated whether the text was cut to the model's maximum length before scoring
 */
public record ScoredText(int tokenCount, float[] tokenLogProbs, boolean truncated) {

    /**
     * Returns the summed log-probability.
     *
     * @return the sum of the token log-probabilities, 0 when none was scored
     */
    public double sum() {
        double sum = 0;
        for (float value : tokenLogProbs) {
            sum += value;
        }
        return sum;
    }
}
