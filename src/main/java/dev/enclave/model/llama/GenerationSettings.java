package dev.enclave.model.llama;

/**
 * How to pick new tokens.
 *
 * @param maxNewTokens the most tokens to add (at least 1)
 * @param decoding greedy (highest logit) or nucleus sampling
 * @param topP for sampling: keep the most likely tokens whose probabilities add up to at least this, in (0, 1]
 * @param temperature for sampling: logits are divided by this, positive
 * @param seed for sampling: the same seed, prompt and model give the same tokens
 */
public record GenerationSettings(int maxNewTokens, Decoding decoding, double topP, double temperature, long seed) {

    /** The way a token is chosen from the logits. */
    public enum Decoding {
        /** The token with the highest logit (the lowest id on ties). */
        GREEDY,
        /** A draw from the temperature-scaled distribution restricted to the top-p nucleus. */
        TOP_P
    }

    /** Validates the settings. */
    public GenerationSettings {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("max new tokens must be at least 1, got " + maxNewTokens);
        }
        if (decoding == null) {
            throw new IllegalArgumentException("decoding is required");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
    }

    /**
     * Greedy decoding.
     *
     * @param maxNewTokens the most tokens to add
     * @return the settings
     */
    public static GenerationSettings greedy(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, Decoding.GREEDY, 1.0, 1.0, 0L);
    }

    /**
     * Seeded nucleus sampling.
     *
     * @param maxNewTokens the most tokens to add
     * @param topP the nucleus probability mass
     * @param temperature the logit divisor
     * @param seed the sampling seed
     * @return the settings
     */
    public static GenerationSettings topP(int maxNewTokens, double topP, double temperature, long seed) {
        return new GenerationSettings(maxNewTokens, Decoding.TOP_P, topP, temperature, seed);
    }
}
