package dev.enclave.model.llama;

import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.bert.WeightLoadReport;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Llama-family causal language model (Hugging Face {@code LlamaForCausalLM}, {@code MistralForCausalLM},
 * {@code Qwen2ForCausalLM}) as a DJL block, computing in float32.
 *
 * <p>Input: {@code NDList(input_ids, attention_mask)}, each int64 [B, T], with 1 for tokens and 0 for padding on
 * either side. Output: logits [B, T, vocab]. Positions count only real tokens (cumulative sum of the mask, as
 * Hugging Face's {@code generate} computes them), so a padded row gives the same logits at its real positions as
 * the row alone. Padding positions get finite, meaningless logits. Each layer runs in its own NDManager scope.
 *
 * <p>{@link #forward(ParameterStore, NDArray, NDArray, KvCache, boolean)} decodes incrementally with a
 * {@link KvCache}. Parameters carry Hugging Face names ({@link #hfParameters()}) and are set by
 * {@link #loadWeights} or {@link #initializeRandom}, never by DJL's {@code initialize}.
 */
public final class LlamaCausalLm extends LoadedBlock {

    /** Module name of the untied output head. */
    public static final String LM_HEAD = "lm_head";

    private static final float MASKED = -Float.MAX_VALUE;

    private final LlamaConfig config;
    private final TokenEmbedding embeddings;
    private final List<LlamaDecoderLayer> layers;
    private final RmsNorm norm;
    private final Projection head;
    private final RotaryEmbedding rotary;

    private LlamaCausalLm(Builder builder) {
        config = builder.config;
        embeddings = addChildBlock("embed_tokens", new TokenEmbedding(config.vocabSize(), config.hiddenSize()));
        List<LlamaDecoderLayer> stack = new ArrayList<>();
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            stack.add(addChildBlock("layer_" + i, new LlamaDecoderLayer(i, config, builder.adapters)));
        }
        layers = List.copyOf(stack);
        norm = addChildBlock("norm", new RmsNorm("model.norm", config.hiddenSize(), config.rmsNormEps()));
        head = config.tieWordEmbeddings() ? null : addChildBlock("lm_head",
                new Projection(LM_HEAD, config.hiddenSize(), config.vocabSize(), false, ProjectionAdapters.NONE));
        rotary = new RotaryEmbedding(config);
    }

    /**
     * Starts a model configuration.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a model of a given shape with seeded random weights, in memory (no files): RMSNorm weights one, biases
     * zero, other weights N(0, 0.02²), as Hugging Face initialises a new model. Re-seeds the engine's random
     * generator ({@code Engine.setRandomSeed}) with the seed.
     *
     * @param config the shape, e.g. from {@link LlamaShapes}
     * @param seed the seed; the same seed gives the same weights on the same engine build
     * @param manager the manager that will own the parameter arrays
     * @return the initialised model
     */
    public static LlamaCausalLm random(LlamaConfig config, long seed, NDManager manager) {
        LlamaCausalLm model = builder().setConfig(config).build();
        model.initializeRandom(seed, manager);
        return model;
    }

    /**
     * Returns the model shape.
     *
     * @return the configuration
     */
    public LlamaConfig config() {
        return config;
    }

    /**
     * Lists the parameters under their Hugging Face names, in model order: {@code model.embed_tokens.weight}, each
     * layer's norms and projections, {@code model.norm.weight}, and {@code lm_head.weight} unless tied. Adapter
     * parameters are not listed.
     *
     * @return the parameters with names and required shapes
     */
    public List<HfParameter> hfParameters() {
        List<HfParameter> out = new ArrayList<>();
        embeddings.collectParameters(out);
        for (LlamaDecoderLayer layer : layers) {
            layer.collectParameters(out);
        }
        norm.collectParameters(out);
        if (head != null) {
            head.collectParameters(out);
        }
        return List.copyOf(out);
    }

    /**
     * Loads every parameter from the folder's safetensors weights, one tensor at a time; fails before changing
     * anything if a tensor is missing or has the wrong shape. With tied embeddings a stored {@code lm_head.weight}
     * is ignored.
     *
     * @param folder the model folder
     * @param manager the manager that will own the parameter arrays
     * @return what was loaded and which checkpoint tensors were ignored
     * @throws IOException naming the file(s) and tensor(s) if the weights do not fit
     */
    public WeightLoadReport loadWeights(HfModelFolder folder, NDManager manager) throws IOException {
        try (SafetensorsCheckpoint checkpoint = folder.openWeights()) {
            return LlamaWeights.load(hfParameters(), checkpoint, config.tieWordEmbeddings(), manager);
        }
    }

    /**
     * Sets every parameter from a seeded random draw (see {@link #random}).
     *
     * @param seed the seed
     * @param manager the manager that will own the parameter arrays
     */
    public void initializeRandom(long seed, NDManager manager) {
        LlamaWeights.randomize(hfParameters(), seed, manager);
    }

    /**
     * Starts an empty key/value cache for incremental decoding.
     *
     * @param manager the parent of the cache's own manager
     * @return the cache; close it when done
     */
    public KvCache newCache(NDManager manager) {
        return new KvCache(manager, layers.size());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException(
                    "a causal LM expects (input_ids, attention_mask), got " + inputs.size() + " arrays");
        }
        return new NDList(forward(parameterStore, inputs.get(0), inputs.get(1), null, training));
    }

    /**
     * Computes logits for new tokens, reading and extending a cache when one is given.
     *
     * @param parameterStore the parameter store
     * @param inputIds int64 [B, T], the new tokens
     * @param attentionMask int64 [B, T], the mask of the new tokens only (1 token, 0 padding); the cache keeps the
     *     mask of earlier tokens
     * @param cache the keys and values of earlier tokens, extended by this call; null for a plain forward pass
     * @param training whether gradients are recorded
     * @return logits [B, T, vocab], attached to the manager of {@code inputIds}
     * @throws IllegalArgumentException if shapes or ids do not fit the configuration or the cache
     */
    public NDArray forward(ParameterStore parameterStore, NDArray inputIds, NDArray attentionMask, KvCache cache,
            boolean training) {
        checkInputs(inputIds, attentionMask, cache);
        long past = cache == null ? 0 : cache.length();
        long length = inputIds.getShape().get(1);
        try (NDManager scope = NDManager.subManagerOf(inputIds)) {
            scope.tempAttachAll(inputIds, attentionMask);
            NDArray fullMask = past == 0 ? attentionMask.duplicate() : cache.mask().concat(attentionMask, 1);
            NDArray positions = fullMask.cumSum(1).sub(1).maximum(0).get(new NDIndex(":, {}:", past));
            NDList angles = rotary.angles(positions);
            NDArray maskBias = maskBias(fullMask, past, length);
            NDArray hidden = embeddings.forward(parameterStore, new NDList(inputIds), training).head();
            for (int i = 0; i < layers.size(); i++) {
                try (NDManager layerScope = NDManager.subManagerOf(hidden)) {
                    layerScope.tempAttachAll(hidden, angles.get(0), angles.get(1), maskBias);
                    NDList layerInputs = new NDList(hidden, angles.get(0), angles.get(1), maskBias);
                    if (past > 0) {
                        layerInputs.add(cache.key(i));
                        layerInputs.add(cache.value(i));
                    }
                    NDList out = layers.get(i).forward(parameterStore, layerInputs, training);
                    if (cache != null) {
                        cache.store(i, out.get(1), out.get(2));
                    }
                    hidden = layerScope.ret(out.get(0));
                }
            }
            if (cache != null) {
                cache.storeMask(fullMask);
            }
            NDArray normed = norm.forward(parameterStore, new NDList(hidden), training).head();
            NDArray logits = head == null ? embeddings.logits(parameterStore, normed, training)
                    : head.forward(parameterStore, new NDList(normed), training).head();
            return scope.ret(logits);
        }
    }

    /** The additive mask [B, 1, 1, T, S]: 0 where query t may see key s (s not after t, s not padding). */
    private static NDArray maskBias(NDArray fullMask, long past, long length) {
        NDManager manager = fullMask.getManager();
        long batch = fullMask.getShape().get(0);
        int total = Math.toIntExact(past + length);
        NDArray queries = manager.arange((int) past, total, 1, DataType.INT64).reshape(length, 1);
        NDArray keys = manager.arange(0, total, 1, DataType.INT64).reshape(1, total);
        NDArray allowed = keys.lte(queries).logicalAnd(fullMask.gt(0).reshape(batch, 1, 1, 1, total));
        return allowed.toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED);
    }

    private void checkInputs(NDArray inputIds, NDArray attentionMask, KvCache cache) {
        Shape shape = inputIds.getShape();
        if (shape.dimension() != 2 || shape.get(1) == 0) {
            throw new IllegalArgumentException("input_ids must be [batch, tokens] with tokens > 0, got " + shape);
        }
        for (NDArray array : List.of(inputIds, attentionMask)) {
            if (!array.getShape().equals(shape) || array.getDataType() != DataType.INT64) {
                throw new IllegalArgumentException("input_ids and attention_mask must be int64 " + shape + ", got "
                        + array.getDataType() + " " + array.getShape());
            }
        }
        if (cache != null && cache.length() > 0 && cache.batchSize() != shape.get(0)) {
            throw new IllegalArgumentException("the cache holds " + cache.batchSize() + " sequences but the input has "
                    + shape.get(0));
        }
        long total = shape.get(1) + (cache == null ? 0 : cache.length());
        if (config.slidingWindow() > 0 && total > config.slidingWindow()) {
            throw new IllegalArgumentException(total + " positions exceed sliding_window " + config.slidingWindow()
                    + "; windowed attention is not supported");
        }
        long min = inputIds.min().getLong();
        long max = inputIds.max().getLong();
        if (min < 0 || max >= config.vocabSize()) {
            throw new IllegalArgumentException("input_ids hold ids in [" + min + ", " + max + "] but config.json "
                    + "vocab_size is " + config.vocabSize() + " (does the tokenizer belong to this model?)");
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.vocabSize())};
    }

    /** Configures a {@link LlamaCausalLm}. */
    public static final class Builder {

        private LlamaConfig config;
        private ProjectionAdapters adapters = ProjectionAdapters.NONE;

        private Builder() {}

        /**
         * Sets the model shape (required).
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder setConfig(LlamaConfig config) {
            this.config = config;
            return this;
        }

        /**
         * Adds adapters (e.g. LoRA) to the attention and MLP projections; defaults to none.
         *
         * @param adapters chooses an adapter per projection
         * @return this builder
         */
        public Builder optAdapters(ProjectionAdapters adapters) {
            this.adapters = adapters;
            return this;
        }

        /**
         * Builds the model with parameters that hold no values yet.
         *
         * @return the model
         * @throws IllegalArgumentException if the configuration is missing
         */
        public LlamaCausalLm build() {
            if (config == null) {
                throw new IllegalArgumentException("LlamaCausalLm needs a LlamaConfig");
            }
            if (adapters == null) {
                throw new IllegalArgumentException("adapters must not be null (use ProjectionAdapters.NONE)");
            }
            return new LlamaCausalLm(this);
        }
    }
}
