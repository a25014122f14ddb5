package dev.enclave.model.lora;

import dev.enclave.model.LinearAdapter;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** The update {@code scale · B A dropout(x)} of one projection, with A [r, in] and B [out, r]. */
final class LoraLayer implements LinearAdapter {

    private final Parameter a;
    private final Parameter b;
    private final float scale;
    private final float dropout;

    LoraLayer(Parameter a, Parameter b, double scale, double dropout) {
        this.a = a;
        this.b = b;
        this.scale = (float) scale;
        this.dropout = (float) dropout;
    }

    @Override
    public NDArray output(ParameterStore parameterStore, NDArray input, boolean training) {
        NDArray x = training && dropout > 0f
                ? input.getNDArrayInternal().dropout(input, dropout, true).singletonOrThrow() : input;
        NDArray down = x.getNDArrayInternal().linear(x, parameterStore.getValue(a, x.getDevice(), training), null)
                .singletonOrThrow();
        NDArray up = down.getNDArrayInternal().linear(down, parameterStore.getValue(b, x.getDevice(), training), null)
                .singletonOrThrow();
        return up.mul(scale);
    }
}
