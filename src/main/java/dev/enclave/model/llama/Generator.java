package dev.enclave.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.util.Arrays;

/**
 * Extends a prompt token by token with a {@link KvCache}: one forward pass over the prompt, then one per new token.
 * Stops at an end-of-sequence id of the configuration or after the maximum number of new tokens.
 */
public final class Generator {

    private Generator() {}

    /**
     * Generates tokens for one prompt.
     *
     * @param model the model with its parameters set
     * @param parameterStore the parameter store
     * @param manager the manager that owns the temporary arrays and the cache while generating
     * @param promptIds the prompt's token ids, at least one
     * @param settings greedy or seeded top-p decoding, and the maximum number of new tokens
     * @return the new tokens and why generation stopped
     */
    public static Generation generate(LlamaCausalLm model, ParameterStore parameterStore, NDManager manager,
            long[] promptIds, GenerationSettings settings) {
        if (promptIds.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens");
        }
        TokenSampler sampler = new TokenSampler(settings);
        long[] generated = new long[settings.maxNewTokens()];
        int count = 0;
        Generation.Stop stop = Generation.Stop.MAX_NEW_TOKENS;
        try (NDManager scope = manager.newSubManager(); KvCache cache = model.newCache(scope)) {
            long[] input = promptIds;
            while (count < generated.length) {
                float[] logits = lastLogits(model, parameterStore, scope, cache, input);
                long token = sampler.next(logits);
                generated[count++] = token;
                if (model.config().eosTokenIds().contains((int) token)) {
                    stop = Generation.Stop.END_OF_SEQUENCE;
                    break;
                }
                input = new long[] {token};
            }
        }
        return new Generation(promptIds.clone(), Arrays.copyOf(generated, count), stop);
    }

    private static float[] lastLogits(LlamaCausalLm model, ParameterStore parameterStore, NDManager scope,
            KvCache cache, long[] ids) {
        try (NDManager step = scope.newSubManager()) {
            Shape shape = new Shape(1, ids.length);
            long[] ones = new long[ids.length];
            Arrays.fill(ones, 1L);
            NDArray logits = model.forward(parameterStore, step.create(ids, shape), step.create(ones, shape), cache,
                    false);
            return logits.get(0, ids.length - 1).toFloatArray();
        }
    }
}
