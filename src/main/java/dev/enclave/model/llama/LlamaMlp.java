package dev.enclave.model.llama;

import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/** The SwiGLU feed-forward layer: {@code down_proj(silu(gate_proj(x)) * up_proj(x))}. */
final class LlamaMlp extends LoadedBlock {

    private final Projection gate;
    private final Projection up;
    private final Projection down;

    LlamaMlp(String module, LlamaConfig config, ProjectionAdapters adapters) {
        int hidden = config.hiddenSize();
        int inner = config.intermediateSize();
        boolean bias = config.mlpBias();
        gate = addChildBlock("gate_proj", new Projection(module + ".gate_proj", hidden, inner, bias, adapters));
        up = addChildBlock("up_proj", new Projection(module + ".up_proj", hidden, inner, bias, adapters));
        down = addChildBlock("down_proj", new Projection(module + ".down_proj", inner, hidden, bias, adapters));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray gated = gate.forward(parameterStore, inputs, training).head();
        NDArray lifted = up.forward(parameterStore, inputs, training).head();
        NDArray activated = gated.mul(Activation.sigmoid(gated)).mul(lifted);
        return down.forward(parameterStore, new NDList(activated), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    void collectParameters(List<HfParameter> out) {
        gate.collectParameters(out);
        up.collectParameters(out);
        down.collectParameters(out);
    }
}
