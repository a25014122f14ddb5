package dev.enclave.model.llama;

import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/** RMSNorm over the last axis, {@code x / sqrt(mean(x^2) + eps) * weight}, with the parameter {@code weight}. */
final class RmsNorm extends LoadedBlock {

    private final String module;
    private final int size;
    private final float epsilon;
    private final Parameter weight;

    RmsNorm(String module, int size, double epsilon) {
        this.module = module;
        this.size = size;
        this.epsilon = (float) epsilon;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray gamma = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray rms = x.square().mean(new int[] {-1}, true).add(epsilon).sqrt();
        return new NDList(x.div(rms).mul(gamma));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    void collectParameters(List<HfParameter> out) {
        out.add(new HfParameter(module + ".weight", weight, new Shape(size)));
    }
}
