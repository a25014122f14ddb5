package dev.enclave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * A trainable side path of a linear projection: its output is added to the projection's, as a LoRA update is.
 * Implementations read their own parameters through the {@link ParameterStore} they are given.
 */
@FunctionalInterface
public interface LinearAdapter {

    /**
     * Computes the term added to the projection's output.
     *
     * @param parameterStore the store the model's forward pass uses
     * @param input the projection's input [..., in]
     * @param training whether the forward pass is a training pass (dropout active)
     * @return [..., out]
     */
    NDArray output(ParameterStore parameterStore, NDArray input, boolean training);
}
