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
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * BERT with its masked-LM head, as Hugging Face {@code BertForMaskedLM}: the encoder under {@code bert.}, then
 * {@code cls.predictions.transform.dense} (hidden → hidden), exact GELU, {@code cls.predictions.transform.LayerNorm},
 * and a decoder that shares the word embedding table ({@code cls.predictions.decoder.weight} is tied to
 * {@code bert.embeddings.word_embeddings.weight}, so it is no parameter of its own) plus {@code cls.predictions.bias}.
 * A checkpoint's stored copies of the tied decoder tensors are ignored.
 *
 * <p>Input: {@code NDList(input_ids, attention_mask, token_type_ids)}, each int64 [B, T]. Output: logits
 * [B, T, vocab].
 */
public final class BertMaskedLm extends AbstractBlock {

    /** Prefix of the encoder's parameter names. */
    public static final String ENCODER_PREFIX = "bert.";
    /** Prefix of the head's parameter names. */
    public static final String HEAD_PREFIX = "cls.predictions.";

    private final BertConfig config;
    private final BertEncoder encoder;
    private final DenseLayer transform;
    private final NormLayer transformNorm;
    private final Parameter bias;

    /**
     * Creates the model with uninitialised parameters.
     *
     * @param config the encoder shape
     */
    public BertMaskedLm(BertConfig config) {
        this(config, ProjectionAdapters.NONE);
    }

    /**
     * Creates the model with adapters on the encoder's projections, asked with names such as
     * {@code bert.encoder.layer.0.attention.self.query}.
     *
     * @param config the encoder shape
     * @param adapters chooses an adapter per encoder projection
     */
    public BertMaskedLm(BertConfig config, ProjectionAdapters adapters) {
        this.config = config;
        encoder = addChildBlock("bert", new BertEncoder(config, ENCODER_PREFIX, adapters));
        transform = addChildBlock("transform", new DenseLayer(config.hiddenSize(), config.hiddenSize()));
        transformNorm = addChildBlock("transform_norm", new NormLayer(config.hiddenSize(), config.layerNormEps()));
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optInitializer(Initializer.ZEROS)
                .build());
    }

    /**
     * Returns the encoder.
     *
     * @return the encoder block
     */
    public BertEncoder encoder() {
        return encoder;
    }

    /**
     * Lists the parameters under {@code BertForMaskedLM} names: {@code bert.} + the encoder's, then the head's.
     *
     * @return the parameters with names and required shapes
     */
    public List<HfParameter> hfParameters() {
        List<HfParameter> out = new ArrayList<>();
        encoder.collectParameters(ENCODER_PREFIX, out);
        transform.collectParameters(HEAD_PREFIX + "transform.dense.", out);
        transformNorm.collectParameters(HEAD_PREFIX + "transform.LayerNorm.", out);
        out.add(new HfParameter(HEAD_PREFIX + "bias", bias, new Shape(config.vocabSize())));
        return List.copyOf(out);
    }

    /**
     * Loads every parameter from a {@code BertForMaskedLM} checkpoint.
     *
     * @param folder the model folder
     * @param manager the manager that will own the parameter arrays
     * @return what was loaded and ignored
     * @throws IOException naming the file(s) and tensor(s) if a tensor is missing (e.g. a checkpoint without the
     *     masked-LM head) or has the wrong shape
     */
    public WeightLoadReport loadWeights(HfModelFolder folder, NDManager manager) throws IOException {
        try (SafetensorsCheckpoint checkpoint = folder.openWeights()) {
            return WeightLoader.load(hfParameters(), checkpoint, manager);
        }
    }

    /**
     * Computes the logits at one position per row only, which costs the head [B, vocab] instead of [B, T, vocab].
     *
     * @param parameterStore the parameter store
     * @param inputs input_ids, attention_mask, token_type_ids, each [B, T]
     * @param positions the position to predict in each row, int64 [B]
     * @param training whether dropout is active
     * @return logits [B, vocab], attached to the manager of input_ids
     */
    public NDArray logitsAt(ParameterStore parameterStore, NDList inputs, NDArray positions, boolean training) {
        try (NDManager scope = NDManager.subManagerOf(inputs.head())) {
            scope.tempAttachAll(inputs);
            NDArray hidden = encoder.forward(parameterStore, inputs, training).head();
            Shape shape = hidden.getShape();
            NDArray index = positions.reshape(shape.get(0), 1, 1).broadcast(shape.get(0), 1, shape.get(2));
            NDArray selected = hidden.gather(index, 1).squeeze(1);
            return scope.ret(head(parameterStore, selected, training));
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        try (NDManager scope = NDManager.subManagerOf(inputs.head())) {
            scope.tempAttachAll(inputs);
            NDArray hidden = encoder.forward(parameterStore, inputs, training).head();
            return scope.ret(new NDList(head(parameterStore, hidden, training)));
        }
    }

    private NDArray head(ParameterStore parameterStore, NDArray hidden, boolean training) {
        NDArray transformed = transform.forward(parameterStore, new NDList(hidden), training).head();
        NDArray normalised = transformNorm.forward(parameterStore,
                new NDList(transformed.getNDArrayInternal().gelu()), training).head();
        NDArray table = parameterStore.getValue(encoder.wordEmbeddings().weight(), hidden.getDevice(), training);
        NDArray vocabBias = parameterStore.getValue(bias, hidden.getDevice(), training);
        return normalised.getNDArrayInternal().linear(normalised, table, vocabBias).head();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape hidden = inputShapes[0].add(config.hiddenSize());
        transform.initialize(manager, dataType, hidden);
        transformNorm.initialize(manager, dataType, hidden);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        bias.setShape(new Shape(config.vocabSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.vocabSize())};
    }
}
