package dev.enclave.model.llama;

import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * Grouped-query self-attention with rotary embeddings. Query head h reads key/value head
 * {@code h / queryGroupSize}, as Hugging Face's {@code repeat_kv} arranges them; the grouping is done by
 * broadcasting, so keys and values are never copied per query head.
 */
final class LlamaAttention extends LoadedBlock {

    private final LlamaConfig config;
    private final Projection query;
    private final Projection key;
    private final Projection value;
    private final Projection output;

    LlamaAttention(String module, LlamaConfig config, ProjectionAdapters adapters) {
        this.config = config;
        int hidden = config.hiddenSize();
        int queryWidth = config.numAttentionHeads() * config.headDim();
        int keyWidth = config.numKeyValueHeads() * config.headDim();
        boolean bias = config.qkvBias();
        query = addChildBlock("q_proj", new Projection(module + ".q_proj", hidden, queryWidth, bias, adapters));
        key = addChildBlock("k_proj", new Projection(module + ".k_proj", hidden, keyWidth, bias, adapters));
        value = addChildBlock("v_proj", new Projection(module + ".v_proj", hidden, keyWidth, bias, adapters));
        output = addChildBlock("o_proj",
                new Projection(module + ".o_proj", queryWidth, hidden, config.outputBias(), adapters));
    }

    /**
     * Inputs: hidden [B, T, hidden], cos and sin [B, 1, T, headDim], the additive mask [B, 1, 1, T, S], and
     * optionally the cached keys and values [B, kvHeads, S - T, headDim]. Outputs: the attention output
     * [B, T, hidden] and all keys and values [B, kvHeads, S, headDim] (rotated keys, for the cache).
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = inputs.get(0);
        NDArray cos = inputs.get(1);
        NDArray sin = inputs.get(2);
        NDArray maskBias = inputs.get(3);
        long batch = hidden.getShape().get(0);
        long length = hidden.getShape().get(1);
        int heads = config.numAttentionHeads();
        int kvHeads = config.numKeyValueHeads();
        int headDim = config.headDim();
        NDList x = new NDList(hidden);

        NDArray q = RotaryEmbedding.rotate(
                splitHeads(query.forward(parameterStore, x, training).head(), heads, headDim), cos, sin);
        NDArray k = RotaryEmbedding.rotate(
                splitHeads(key.forward(parameterStore, x, training).head(), kvHeads, headDim), cos, sin);
        NDArray v = splitHeads(value.forward(parameterStore, x, training).head(), kvHeads, headDim);
        if (inputs.size() > 4) {
            k = inputs.get(4).concat(k, 2);
            v = inputs.get(5).concat(v, 2);
        }
        NDArray grouped = q.reshape(batch, kvHeads, config.queryGroupSize(), length, headDim);
        NDArray scores = grouped.matMul(k.expandDims(2).transpose(0, 1, 2, 4, 3))
                .mul(1.0 / Math.sqrt(headDim))
                .add(maskBias);
        NDArray context = scores.softmax(-1).matMul(v.expandDims(2))
                .reshape(batch, heads, length, headDim)
                .transpose(0, 2, 1, 3)
                .reshape(batch, length, (long) heads * headDim);
        NDArray out = output.forward(parameterStore, new NDList(context), training).head();
        return new NDList(out, k, v);
    }

    private static NDArray splitHeads(NDArray x, int heads, int headDim) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), heads, headDim).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape hidden = inputShapes[0];
        Shape mask = inputShapes[3];
        Shape kv = new Shape(hidden.get(0), config.numKeyValueHeads(), mask.get(4), config.headDim());
        return new Shape[] {hidden, kv, kv};
    }

    void collectParameters(List<HfParameter> out) {
        query.collectParameters(out);
        key.collectParameters(out);
        value.collectParameters(out);
        output.collectParameters(out);
    }
}
