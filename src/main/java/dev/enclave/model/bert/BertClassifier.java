package dev.enclave.model.bert;

import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sequence classification on a BERT encoder: masked mean pooling over tokens, dropout, and a Linear head whose
 * parameters are named {@code classifier.weight} [numLabels, hidden] and {@code classifier.bias}.
 *
 * <p>Input: {@code NDList(input_ids, attention_mask, token_type_ids)}, each int64 [B, T]. Output: logits
 * [B, numLabels]. {@link #embed} gives the pooled sentence embeddings and {@link #encoder()} the per-token hidden
 * states. Encoder parameters keep the names of {@link BertEncoder#hfParameters()}.
 */
public final class BertClassifier extends AbstractBlock {

    /** Prefix of the head's parameter names. */
    public static final String HEAD_PREFIX = "classifier.";

    private final BertConfig config;
    private final int numLabels;
    private final float dropout;
    private final long headSeed;
    private final BertEncoder encoder;
    private final DenseLayer head;

    private BertClassifier(Builder builder) {
        config = builder.config;
        numLabels = builder.numLabels;
        dropout = builder.dropout == null ? (float) config.hiddenDropoutProb() : builder.dropout;
        headSeed = builder.headSeed;
        encoder = addChildBlock("encoder", new BertEncoder(config, "", builder.adapters));
        head = addChildBlock("classifier", new DenseLayer(config.hiddenSize(), numLabels));
    }

    /**
     * Starts a classifier configuration.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the encoder, whose forward pass gives per-token hidden states [B, T, hidden].
     *
     * @return the encoder block
     */
    public BertEncoder encoder() {
        return encoder;
    }

    /**
     * Returns the number of output classes.
     *
     * @return the number of labels
     */
    public int numLabels() {
        return numLabels;
    }

    /**
     * Lists the parameters under Hugging Face names: the encoder's, then {@code classifier.weight} and
     * {@code classifier.bias}.
     *
     * @return the parameters with names and required shapes
     */
    public List<HfParameter> hfParameters() {
        List<HfParameter> out = new ArrayList<>();
        encoder.collectParameters("", out);
        head.collectParameters(HEAD_PREFIX, out);
        return List.copyOf(out);
    }

    /**
     * Loads the encoder from a pretrained folder and initialises the head from the builder's seed: weights drawn
     * from N(0, 0.02²) with {@link Random}, biases zero, as Hugging Face initialises a new head.
     *
     * @param folder the pretrained model folder
     * @param manager the manager that will own the parameter arrays
     * @return what was loaded into the encoder
     * @throws IOException naming the file(s) and tensor(s) if the encoder weights do not fit
     */
    public WeightLoadReport loadPretrained(HfModelFolder folder, NDManager manager) throws IOException {
        WeightLoadReport report = encoder.loadWeights(folder, manager);
        initializeHead(manager);
        return report;
    }

    /**
     * Loads every parameter, the head included, e.g. from a fine-tuned checkpoint written from
     * {@link #hfParameters()}.
     *
     * @param folder the model folder
     * @param manager the manager that will own the parameter arrays
     * @return what was loaded
     * @throws IOException naming the file(s) and tensor(s) if a tensor is missing or has the wrong shape
     */
    public WeightLoadReport loadWeights(HfModelFolder folder, NDManager manager) throws IOException {
        try (SafetensorsCheckpoint checkpoint = folder.openWeights()) {
            return WeightLoader.load(hfParameters(), checkpoint, manager);
        }
    }

    private void initializeHead(NDManager manager) {
        List<HfParameter> headParameters = new ArrayList<>();
        head.collectParameters(HEAD_PREFIX, headParameters);
        Random random = new Random(headSeed);
        for (HfParameter parameter : headParameters) {
            float[] values = new float[Math.toIntExact(parameter.shape().size())];
            if (parameter.name().endsWith("weight")) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextGaussian() * 0.02);
                }
            }
            WeightLoader.set(parameter, values, manager);
        }
    }

    /**
     * Computes pooled sentence embeddings: the encoder's hidden states averaged over unmasked tokens.
     *
     * @param parameterStore the parameter store
     * @param inputs input_ids, attention_mask, token_type_ids
     * @param training whether dropout is active in the encoder
     * @return [B, hidden], attached to the manager of input_ids
     */
    public NDArray embed(ParameterStore parameterStore, NDList inputs, boolean training) {
        try (NDManager scope = NDManager.subManagerOf(inputs.head())) {
            scope.tempAttachAll(inputs);
            NDArray hidden = encoder.forward(parameterStore, inputs, training).head();
            return scope.ret(MeanPooling.pool(hidden, inputs.get(1)));
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        try (NDManager scope = NDManager.subManagerOf(inputs.head())) {
            scope.tempAttachAll(inputs);
            NDArray hidden = encoder.forward(parameterStore, inputs, training).head();
            NDArray pooled = Dropout.apply(MeanPooling.pool(hidden, inputs.get(1)), dropout, training);
            return scope.ret(head.forward(parameterStore, new NDList(pooled), training));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), config.hiddenSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numLabels)};
    }

    /** Configures a {@link BertClassifier}. */
    public static final class Builder {

        private BertConfig config;
        private int numLabels;
        private Float dropout;
        private long headSeed = 42L;
        private ProjectionAdapters adapters = ProjectionAdapters.NONE;

        private Builder() {}

        /**
         * Sets the encoder shape (required).
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder setConfig(BertConfig config) {
            this.config = config;
            return this;
        }

        /**
         * Sets the number of classes (required, at least 2).
         *
         * @param numLabels the number of labels
         * @return this builder
         */
        public Builder setNumLabels(int numLabels) {
            this.numLabels = numLabels;
            return this;
        }

        /**
         * Sets the dropout rate before the head; defaults to the config's hidden_dropout_prob.
         *
         * @param dropout the rate in [0, 1)
         * @return this builder
         */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * Sets the seed of the head initialisation; defaults to 42.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optHeadSeed(long seed) {
            this.headSeed = seed;
            return this;
        }

        /**
         * Adds adapters (e.g. LoRA) to the encoder's projections, asked with names such as
         * {@code encoder.layer.0.attention.self.query}; defaults to none.
         *
         * @param adapters chooses an adapter per projection
         * @return this builder
         */
        public Builder optAdapters(ProjectionAdapters adapters) {
            this.adapters = adapters;
            return this;
        }

        /**
         * Builds the classifier with uninitialised parameters.
         *
         * @return the classifier
         * @throws IllegalArgumentException if a required setting is missing or out of range
         */
        public BertClassifier build() {
            if (config == null) {
                throw new IllegalArgumentException("BertClassifier needs a BertConfig");
            }
            if (numLabels < 2) {
                throw new IllegalArgumentException("BertClassifier needs at least 2 labels, got " + numLabels);
            }
            if (dropout != null && !(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
            return new BertClassifier(this);
        }
    }
}
