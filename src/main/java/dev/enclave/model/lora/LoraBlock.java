package dev.enclave.model.lora;

import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The update {@code scale · B A dropout(x)} of one projection, with A [r, in] and B [out, r] set when it is made: a
 * block that takes {@code NDList(x)} and returns {@code NDList(update)}, added by the projection to its output.
 */
final class LoraBlock extends AbstractBlock {

    private final String modulePath;
    private final String target;
    private final HfParameter a;
    private final HfParameter b;
    private final float scale;
    private final float dropout;

    LoraBlock(String modulePath, String target, NDArray aValue, NDArray bValue, double scale, double dropout) {
        this.modulePath = modulePath;
        this.target = target;
        this.a = trainable(modulePath + ".lora_A.weight", "lora_A", aValue);
        this.b = trainable(modulePath + ".lora_B.weight", "lora_B", bValue);
        this.scale = (float) scale;
        this.dropout = (float) dropout;
    }

    private HfParameter trainable(String name, String local, NDArray value) {
        Parameter parameter = addParameter(Parameter.builder().setName(local).setType(Parameter.Type.WEIGHT).build());
        value.setRequiresGradient(true);
        parameter.setArray(value);
        return new HfParameter(name, parameter, value.getShape());
    }

    String modulePath() {
        return modulePath;
    }

    String target() {
        return target;
    }

    HfParameter a() {
        return a;
    }

    HfParameter b() {
        return b;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.head();
        NDArray x = training && dropout > 0f
                ? input.getNDArrayInternal().dropout(input, dropout, true).singletonOrThrow() : input;
        NDArray aValue = parameterStore.getValue(a.parameter(), x.getDevice(), training);
        NDArray bValue = parameterStore.getValue(b.parameter(), x.getDevice(), training);
        NDArray down = x.getNDArrayInternal().linear(x, aValue, null).singletonOrThrow();
        return new NDList(down.getNDArrayInternal().linear(down, bValue, null).singletonOrThrow().mul(scale));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        return new Shape[] {input.slice(0, input.dimension() - 1).add(b.shape().get(0))};
    }
}
