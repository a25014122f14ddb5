package dev.enclave.model.bert;

import dev.enclave.model.ProjectionAdapters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * One post-LayerNorm BERT transformer layer: multi-head self-attention with a padding mask, then an exact-GELU
 * feed-forward network, each followed by dropout, a residual connection and LayerNorm.
 */
final class BertLayer extends AbstractBlock implements HfNamed {

    private static final String QUERY = "attention.self.query";
    private static final String KEY = "attention.self.key";
    private static final String VALUE = "attention.self.value";
    private static final String ATTENTION_OUTPUT = "attention.output.dense";
    private static final String INTERMEDIATE = "intermediate.dense";
    private static final String OUTPUT = "output.dense";

    private final BertConfig config;
    private final DenseLayer query;
    private final DenseLayer key;
    private final DenseLayer value;
    private final DenseLayer attentionOutput;
    private final NormLayer attentionNorm;
    private final DenseLayer intermediate;
    private final DenseLayer output;
    private final NormLayer outputNorm;

    /**
     * @param config the model shape
     * @param prefix the layer's Hugging Face name prefix, e.g. {@code encoder.layer.3.}, naming its projections to
     *     {@code adapters}
     * @param adapters chooses an adapter per projection
     */
    BertLayer(BertConfig config, String prefix, ProjectionAdapters adapters) {
        this.config = config;
        int hidden = config.hiddenSize();
        int inner = config.intermediateSize();
        query = addChildBlock("query", new DenseLayer(hidden, hidden,
                adapters.adapterFor(prefix + QUERY, hidden, hidden)));
        key = addChildBlock("key", new DenseLayer(hidden, hidden, adapters.adapterFor(prefix + KEY, hidden, hidden)));
        value = addChildBlock("value", new DenseLayer(hidden, hidden,
                adapters.adapterFor(prefix + VALUE, hidden, hidden)));
        attentionOutput = addChildBlock("attention_output", new DenseLayer(hidden, hidden,
                adapters.adapterFor(prefix + ATTENTION_OUTPUT, hidden, hidden)));
        attentionNorm = addChildBlock("attention_norm", new NormLayer(hidden, config.layerNormEps()));
        intermediate = addChildBlock("intermediate", new DenseLayer(hidden, inner,
                adapters.adapterFor(prefix + INTERMEDIATE, hidden, inner)));
        output = addChildBlock("output", new DenseLayer(inner, hidden,
                adapters.adapterFor(prefix + OUTPUT, inner, hidden)));
        outputNorm = addChildBlock("output_norm", new NormLayer(hidden, config.layerNormEps()));
    }

    /**
     * Inputs: hidden states [B, T, hidden] and the additive attention mask [B, 1, 1, T] (0 for tokens, a large
     * negative number for padding). Output: hidden states [B, T, hidden].
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = inputs.get(0);
        NDArray maskBias = inputs.get(1);
        float dropout = (float) config.hiddenDropoutProb();

        NDArray context = selfAttention(parameterStore, hidden, maskBias, training);
        NDArray projected = attentionOutput.forward(parameterStore, new NDList(context), training).head();
        NDArray attended = attentionNorm.forward(
                parameterStore, new NDList(Dropout.apply(projected, dropout, training).add(hidden)), training).head();

        NDArray expanded = intermediate.forward(parameterStore, new NDList(attended), training).head();
        NDArray activated = expanded.getNDArrayInternal().gelu();
        NDArray contracted = output.forward(parameterStore, new NDList(activated), training).head();
        return outputNorm.forward(
                parameterStore, new NDList(Dropout.apply(contracted, dropout, training).add(attended)), training);
    }

    private NDArray selfAttention(ParameterStore parameterStore, NDArray hidden, NDArray maskBias, boolean training) {
        long batch = hidden.getShape().get(0);
        long length = hidden.getShape().get(1);
        int heads = config.numAttentionHeads();
        int headSize = config.headSize();
        NDArray q = splitHeads(query.forward(parameterStore, new NDList(hidden), training).head(), heads, headSize)
                .mul(1.0 / Math.sqrt(headSize));
        NDArray k = splitHeads(key.forward(parameterStore, new NDList(hidden), training).head(), heads, headSize);
        NDArray v = splitHeads(value.forward(parameterStore, new NDList(hidden), training).head(), heads, headSize);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).add(maskBias);
        NDArray probabilities = Dropout.apply(scores.softmax(-1), (float) config.attentionProbsDropoutProb(), training);
        return probabilities.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, config.hiddenSize());
    }

    private static NDArray splitHeads(NDArray x, int heads, int headSize) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), heads, headSize).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = inputShapes[0];
        Shape expanded = hidden.slice(0, 2).add(config.intermediateSize());
        for (DenseLayer projection : List.of(query, key, value, attentionOutput, intermediate)) {
            projection.initialize(manager, dataType, hidden);
        }
        attentionNorm.initialize(manager, dataType, hidden);
        output.initialize(manager, dataType, expanded);
        outputNorm.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public void collectParameters(String prefix, List<HfParameter> out) {
        query.collectParameters(prefix + QUERY + ".", out);
        key.collectParameters(prefix + KEY + ".", out);
        value.collectParameters(prefix + VALUE + ".", out);
        attentionOutput.collectParameters(prefix + ATTENTION_OUTPUT + ".", out);
        attentionNorm.collectParameters(prefix + "attention.output.LayerNorm.", out);
        intermediate.collectParameters(prefix + INTERMEDIATE + ".", out);
        output.collectParameters(prefix + OUTPUT + ".", out);
        outputNorm.collectParameters(prefix + "output.LayerNorm.", out);
    }
}
