package dev.enclave.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/** BERT input embeddings: word + absolute position + token type, then LayerNorm and dropout. */
final class BertEmbeddings extends AbstractBlock implements HfNamed {

    private final BertConfig config;
    private final EmbeddingTable wordEmbeddings;
    private final EmbeddingTable positionEmbeddings;
    private final EmbeddingTable tokenTypeEmbeddings;
    private final NormLayer layerNorm;

    BertEmbeddings(BertConfig config) {
        this.config = config;
        wordEmbeddings = addChildBlock("word_embeddings", new EmbeddingTable(config.vocabSize(), config.hiddenSize()));
        positionEmbeddings = addChildBlock(
                "position_embeddings", new EmbeddingTable(config.maxPositionEmbeddings(), config.hiddenSize()));
        tokenTypeEmbeddings = addChildBlock(
                "token_type_embeddings", new EmbeddingTable(config.typeVocabSize(), config.hiddenSize()));
        layerNorm = addChildBlock("LayerNorm", new NormLayer(config.hiddenSize(), config.layerNormEps()));
    }

    /** Inputs: input_ids [B, T] and token_type_ids [B, T], both int64. Output: [B, T, hidden]. */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray inputIds = inputs.get(0);
        NDArray tokenTypeIds = inputs.get(1);
        int length = Math.toIntExact(inputIds.getShape().get(1));
        NDArray positions = inputIds.getManager().arange(0, length, 1, DataType.INT64);
        NDArray sum = wordEmbeddings.forward(parameterStore, new NDList(inputIds), training).head()
                .add(tokenTypeEmbeddings.forward(parameterStore, new NDList(tokenTypeIds), training).head())
                .add(positionEmbeddings.forward(parameterStore, new NDList(positions), training).head());
        NDArray normalised = layerNorm.forward(parameterStore, new NDList(sum), training).head();
        return new NDList(Dropout.apply(normalised, (float) config.hiddenDropoutProb(), training));
    }

    /** The word embedding table [vocab, hidden], which a masked-LM decoder shares. */
    EmbeddingTable wordEmbeddings() {
        return wordEmbeddings;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        wordEmbeddings.initialize(manager, dataType, tokens);
        positionEmbeddings.initialize(manager, dataType, new Shape(tokens.get(1)));
        tokenTypeEmbeddings.initialize(manager, dataType, tokens);
        layerNorm.initialize(manager, dataType, tokens.add(config.hiddenSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.hiddenSize())};
    }

    @Override
    public void collectParameters(String prefix, List<HfParameter> out) {
        wordEmbeddings.collectParameters(prefix + "word_embeddings.", out);
        positionEmbeddings.collectParameters(prefix + "position_embeddings.", out);
        tokenTypeEmbeddings.collectParameters(prefix + "token_type_embeddings.", out);
        layerNorm.collectParameters(prefix + "LayerNorm.", out);
    }
}
