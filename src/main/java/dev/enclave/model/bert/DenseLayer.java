package dev.enclave.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import java.util.List;
import java.util.Optional;

/**
 * A PyTorch-style Linear layer: {@code y = x W^T + b} with W stored [out, in], over the last axis, plus the output of
 * an optional adapter block (see {@link dev.enclave.model.ProjectionAdapters}).
 */
final class DenseLayer extends AbstractBlock implements HfNamed {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private final Block adapter;

    DenseLayer(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, Optional.empty());
    }

    DenseLayer(int inFeatures, int outFeatures, Optional<Block> adapter) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f))
                .build());
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optInitializer(Initializer.ZEROS)
                .build());
        this.adapter = adapter.isPresent() ? addChildBlock("adapter", adapter.get()) : null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = parameterStore.getValue(bias, x.getDevice(), training);
        NDList out = x.getNDArrayInternal().linear(x, w, b);
        return adapter == null ? out
                : new NDList(out.head().add(adapter.forward(parameterStore, new NDList(x), training).head()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (adapter != null) {
            adapter.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        return new Shape[] {input.slice(0, input.dimension() - 1).add(outFeatures)};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(outFeatures, inFeatures));
        bias.setShape(new Shape(outFeatures));
    }

    @Override
    public void collectParameters(String prefix, List<HfParameter> out) {
        out.add(new HfParameter(prefix + "weight", weight, new Shape(outFeatures, inFeatures)));
        out.add(new HfParameter(prefix + "bias", bias, new Shape(outFeatures)));
    }
}
