package dev.enclave.model.llama;

import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;
import java.util.Optional;

/**
 * A PyTorch-style Linear layer {@code y = x W^T (+ b)} with W stored [out, in], named as a Hugging Face module, plus
 * an optional adapter whose output is added to y.
 */
final class Projection extends LoadedBlock {

    private final String module;
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private final Block adapter;

    Projection(String module, int inFeatures, int outFeatures, boolean withBias, ProjectionAdapters adapters) {
        this.module = module;
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = withBias
                ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
                : null;
        Optional<Block> chosen = adapters.adapterFor(module, inFeatures, outFeatures);
        adapter = chosen.isPresent() ? addChildBlock("adapter", chosen.get()) : null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : parameterStore.getValue(bias, x.getDevice(), training);
        NDArray y = x.getNDArrayInternal().linear(x, w, b).head();
        if (adapter != null) {
            y = y.add(adapter.forward(parameterStore, new NDList(x), training).head());
        }
        return new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        return new Shape[] {input.slice(0, input.dimension() - 1).add(outFeatures)};
    }

    void collectParameters(List<HfParameter> out) {
        out.add(new HfParameter(module + ".weight", weight, new Shape(outFeatures, inFeatures)));
        if (bias != null) {
            out.add(new HfParameter(module + ".bias", bias, new Shape(outFeatures)));
        }
    }
}
