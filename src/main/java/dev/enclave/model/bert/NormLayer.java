package dev.enclave.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

import java.util.List;

/** LayerNorm over the last axis with Hugging Face parameter names {@code weight} and {@code bias}. */
final class NormLayer extends AbstractBlock implements HfNamed {

    private final int size;
    private final float epsilon;
    private final Parameter weight;
    private final Parameter bias;

    NormLayer(int size, double epsilon) {
        this.size = size;
        this.epsilon = (float) epsilon;
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.GAMMA)
                .optInitializer(Initializer.ONES)
                .build());
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BETA)
                .optInitializer(Initializer.ZEROS)
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray gamma = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray beta = parameterStore.getValue(bias, x.getDevice(), training);
        return x.getNDArrayInternal().layerNorm(x, new Shape(size), gamma, beta, epsilon);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(size));
        bias.setShape(new Shape(size));
    }

    @Override
    public void collectParameters(String prefix, List<HfParameter> out) {
        out.add(new HfParameter(prefix + "weight", weight, new Shape(size)));
        out.add(new HfParameter(prefix + "bias", bias, new Shape(size)));
    }
}
