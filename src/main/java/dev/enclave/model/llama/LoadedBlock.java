package dev.enclave.model.llama;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;

/**
 * A block whose parameters are set by {@link LlamaCausalLm#loadWeights} or {@link LlamaCausalLm#initializeRandom},
 * never by DJL's shape inference: it counts as initialised once every parameter (adapters' included) holds an array.
 */
abstract class LoadedBlock extends AbstractBlock {

    @Override
    public boolean isInitialized() {
        return getParameters().values().stream().allMatch(Parameter::isInitialized);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        throw new IllegalStateException(getClass().getSimpleName() + " has parameters without values: load them "
                + "with LlamaCausalLm.loadWeights or initializeRandom (and set adapter parameters) before training");
    }
}
