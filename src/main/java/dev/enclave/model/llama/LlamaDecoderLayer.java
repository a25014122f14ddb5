package dev.enclave.model.llama;

import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/** One pre-norm decoder layer: {@code h = x + attn(norm(x)); out = h + mlp(norm(h))}. */
final class LlamaDecoderLayer extends LoadedBlock {

    private final RmsNorm inputNorm;
    private final LlamaAttention attention;
    private final RmsNorm postAttentionNorm;
    private final LlamaMlp mlp;

    LlamaDecoderLayer(int index, LlamaConfig config, ProjectionAdapters adapters) {
        String module = "model.layers." + index;
        double eps = config.rmsNormEps();
        inputNorm = addChildBlock("input_layernorm",
                new RmsNorm(module + ".input_layernorm", config.hiddenSize(), eps));
        attention = addChildBlock("self_attn", new LlamaAttention(module + ".self_attn", config, adapters));
        postAttentionNorm = addChildBlock("post_attention_layernorm",
                new RmsNorm(module + ".post_attention_layernorm", config.hiddenSize(), eps));
        mlp = addChildBlock("mlp", new LlamaMlp(module + ".mlp", config, adapters));
    }

    /** Inputs and outputs as {@link LlamaAttention}'s, with the layer output in place of the attention output. */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDList attentionInputs = new NDList(inputs);
        attentionInputs.set(0, inputNorm.forward(parameterStore, new NDList(x), training).head());
        NDList attended = attention.forward(parameterStore, attentionInputs, training);
        NDArray h = x.add(attended.get(0));
        NDArray normed = postAttentionNorm.forward(parameterStore, new NDList(h), training).head();
        NDArray out = h.add(mlp.forward(parameterStore, new NDList(normed), training).head());
        return new NDList(out, attended.get(1), attended.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return attention.getOutputShapes(inputShapes);
    }

    void collectParameters(List<HfParameter> out) {
        inputNorm.collectParameters(out);
        attention.collectParameters(out);
        postAttentionNorm.collectParameters(out);
        mlp.collectParameters(out);
    }
}
