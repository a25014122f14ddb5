package dev.enclave.model.bert;

import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A BERT encoder (Hugging Face {@code BertModel} without the pooler) as a DJL block.
 *
 * <p>Input: {@code NDList(input_ids, attention_mask, token_type_ids)}, each int64 [B, T]. Output: the last hidden
 * states [B, T, hidden]. Padding positions (mask 0) receive no attention; their own outputs are computed but
 * meaningless. Dropout is active only when {@code training} is true. Each layer runs in its own NDManager scope so
 * that its intermediates are released as soon as its output exists.
 *
 * <p>Parameters carry Hugging Face names without a {@code bert.} prefix ({@link #hfParameters()}), as
 * sentence-transformers checkpoints store them; {@link #loadWeights} also accepts the prefix.
 */
public final class BertEncoder extends AbstractBlock {

    private static final float MASKED = -Float.MAX_VALUE;
    private static final String LAYER_PREFIX = "encoder.layer.";

    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final List<BertLayer> layers;

    /**
     * Creates an encoder with uninitialised parameters.
     *
     * @param config the model shape
     */
    public BertEncoder(BertConfig config) {
        this(config, "", ProjectionAdapters.NONE);
    }

    /**
     * Creates an encoder whose projections carry adapters.
     *
     * @param config the model shape
     * @param namePrefix the prefix its parameter names will carry (e.g. {@code bert.} inside a masked LM), so that
     *     {@code adapters} is asked with the projections' full Hugging Face module names
     * @param adapters chooses an adapter per projection of each layer
     */
    public BertEncoder(BertConfig config, String namePrefix, ProjectionAdapters adapters) {
        this.config = config;
        embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
        List<BertLayer> stack = new ArrayList<>();
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            stack.add(addChildBlock("layer_" + i, new BertLayer(config, namePrefix + LAYER_PREFIX + i + ".",
                    adapters)));
        }
        layers = List.copyOf(stack);
    }

    /**
     * Returns the model shape.
     *
     * @return the configuration
     */
    public BertConfig config() {
        return config;
    }

    /**
     * Lists the parameters under their Hugging Face names, in model order.
     *
     * @return the parameters with names and required shapes
     */
    public List<HfParameter> hfParameters() {
        List<HfParameter> out = new ArrayList<>();
        collectParameters("", out);
        return List.copyOf(out);
    }

    /**
     * Loads every parameter from the folder's safetensors weights; fails before changing anything if a tensor is
     * missing or has the wrong shape.
     *
     * @param folder the model folder
     * @param manager the manager that will own the parameter arrays (e.g. the DJL Model's)
     * @return what was loaded and which checkpoint tensors were ignored
     * @throws IOException naming the file(s) and tensor(s) if the weights do not fit
     */
    public WeightLoadReport loadWeights(HfModelFolder folder, NDManager manager) throws IOException {
        try (SafetensorsCheckpoint checkpoint = folder.openWeights()) {
            return WeightLoader.load(hfParameters(), checkpoint, manager);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        checkInputs(inputs);
        NDArray inputIds = inputs.get(0);
        try (NDManager scope = NDManager.subManagerOf(inputIds)) {
            scope.tempAttachAll(inputs);
            checkRange(inputIds, config.vocabSize(), "input_ids", "vocab_size");
            checkRange(inputs.get(2), config.typeVocabSize(), "token_type_ids", "type_vocab_size");
            NDArray maskBias = attentionBias(inputs.get(1));
            NDArray hidden = embeddings.forward(parameterStore, new NDList(inputIds, inputs.get(2)), training).head();
            for (BertLayer layer : layers) {
                try (NDManager layerScope = NDManager.subManagerOf(hidden)) {
                    layerScope.tempAttachAll(hidden, maskBias);
                    NDArray next = layer.forward(parameterStore, new NDList(hidden, maskBias), training).head();
                    hidden = layerScope.ret(next);
                }
            }
            return scope.ret(new NDList(hidden));
        }
    }

    /** The word embedding table [vocab, hidden], which a masked-LM decoder shares. */
    EmbeddingTable wordEmbeddings() {
        return embeddings.wordEmbeddings();
    }

    private NDArray attentionBias(NDArray attentionMask) {
        Shape shape = attentionMask.getShape();
        NDArray mask = attentionMask.toType(DataType.FLOAT32, false);
        return mask.neg().add(1f).mul(MASKED).reshape(shape.get(0), 1, 1, shape.get(1));
    }

    private void checkInputs(NDList inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException(
                    "BERT expects (input_ids, attention_mask, token_type_ids), got " + inputs.size() + " arrays");
        }
        Shape shape = inputs.get(0).getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("input_ids must be [batch, tokens], got " + shape);
        }
        for (int i = 0; i < 3; i++) {
            NDArray array = inputs.get(i);
            if (!array.getShape().equals(shape) || array.getDataType() != DataType.INT64) {
                throw new IllegalArgumentException("input " + i + " must be int64 " + shape + ", got "
                        + array.getDataType() + " " + array.getShape());
            }
        }
        if (shape.get(1) > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException(shape.get(1) + " tokens exceed max_position_embeddings "
                    + config.maxPositionEmbeddings());
        }
    }

    private static void checkRange(NDArray ids, int size, String input, String field) {
        long min = ids.min().getLong();
        long max = ids.max().getLong();
        if (min < 0 || max >= size) {
            throw new IllegalArgumentException(input + " hold ids in [" + min + ", " + max + "] but config.json "
                    + field + " is " + size + " (does the tokenizer belong to this model?)");
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        embeddings.initialize(manager, dataType, tokens, tokens);
        Shape hidden = tokens.add(config.hiddenSize());
        Shape mask = new Shape(tokens.get(0), 1, 1, tokens.get(1));
        for (BertLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, mask);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.hiddenSize())};
    }

    void collectParameters(String prefix, List<HfParameter> out) {
        embeddings.collectParameters(prefix + "embeddings.", out);
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).collectParameters(prefix + LAYER_PREFIX + i + ".", out);
        }
    }
}
