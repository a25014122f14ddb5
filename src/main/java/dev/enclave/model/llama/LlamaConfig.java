package dev.enclave.model.llama;

import dev.enclave.model.HfModelFolder;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a Llama-family causal language model, as stored in a Hugging Face {@code config.json} with
 * {@code model_type} {@code llama}, {@code mistral} or {@code qwen2}. The three differ only in settings: Qwen2 has
 * biases on the query, key and value projections; Llama may have them on all four attention projections
 * ({@code attention_bias}) and on the MLP ({@code mlp_bias}); Mistral and Qwen2 may declare a sliding window.
 *
 * <p>Absent fields take Hugging Face's defaults: num_key_value_heads = num_attention_heads, head_dim =
 * hidden_size / num_attention_heads, rms_norm_eps 1e-6, rope_theta 10000, no rope_scaling, untied embeddings,
 * hidden_act {@code silu} (the only one supported).
 *
 * @param modelType {@code llama}, {@code mistral} or {@code qwen2}
 * @param vocabSize number of token ids
 * @param hiddenSize width of the residual stream
 * @param intermediateSize width of the SwiGLU feed-forward layer
 * @param numHiddenLayers number of decoder layers
 * @param numAttentionHeads query heads per layer
 * @param numKeyValueHeads key/value heads per layer (grouped-query attention); divides numAttentionHeads
 * @param headDim width of one head; even
 * @param maxPositionEmbeddings longest context the model was configured for
 * @param rmsNormEps epsilon of every RMSNorm
 * @param ropeTheta base of the rotary frequencies
 * @param ropeScaling Llama-3 frequency scaling, when configured
 * @param tieWordEmbeddings whether the output head reuses {@code model.embed_tokens.weight}
 * @param qkvBias whether the query, key and value projections have biases
 * @param outputBias whether the attention output projection has a bias
 * @param mlpBias whether the gate, up and down projections have biases
 * @param slidingWindow attention window in tokens, or 0 for none
 * @param padTokenId the id that fills padding positions: pad_token_id, else the first eos_token_id, else 0
 * @param eosTokenIds the ids that end generation (eos_token_id, a number or a list); may be empty
 */
public record LlamaConfig(
        String modelType,
        int vocabSize,
        int hiddenSize,
        int intermediateSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int numKeyValueHeads,
        int headDim,
        int maxPositionEmbeddings,
        double rmsNormEps,
        double ropeTheta,
        Optional<RopeScaling> ropeScaling,
        boolean tieWordEmbeddings,
        boolean qkvBias,
        boolean outputBias,
        boolean mlpBias,
        int slidingWindow,
        int padTokenId,
        List<Integer> eosTokenIds) {

    /** {@code model_type} of Llama checkpoints. */
    public static final String LLAMA = "llama";
    /** {@code model_type} of Mistral checkpoints. */
    public static final String MISTRAL = "mistral";
    /** {@code model_type} of Qwen2 checkpoints. */
    public static final String QWEN2 = "qwen2";
    /** The supported model types. */
    public static final Set<String> MODEL_TYPES = Set.of(LLAMA, MISTRAL, QWEN2);
    /** The only supported activation. */
    public static final String SILU = "silu";

    /** Validates the sizes and ids. */
    public LlamaConfig {
        if (!MODEL_TYPES.contains(modelType)) {
            throw new IllegalArgumentException("model_type '" + modelType + "' is not one of " + List.of(LLAMA,
                    MISTRAL, QWEN2));
        }
        requirePositive("vocab_size", vocabSize);
        requirePositive("hidden_size", hiddenSize);
        requirePositive("intermediate_size", intermediateSize);
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("num_key_value_heads", numKeyValueHeads);
        requirePositive("head_dim", headDim);
        requirePositive("max_position_embeddings", maxPositionEmbeddings);
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + numAttentionHeads
                    + " is not a multiple of num_key_value_heads " + numKeyValueHeads);
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even for rotary embeddings, got " + headDim);
        }
        if (!(rmsNormEps > 0)) {
            throw new IllegalArgumentException("rms_norm_eps must be positive, got " + rmsNormEps);
        }
        if (!(ropeTheta > 1)) {
            throw new IllegalArgumentException("rope_theta must be greater than 1, got " + ropeTheta);
        }
        if (slidingWindow < 0) {
            throw new IllegalArgumentException("sliding_window must not be negative, got " + slidingWindow);
        }
        requireId("pad_token_id", padTokenId, vocabSize);
        eosTokenIds = List.copyOf(eosTokenIds);
        for (int eos : eosTokenIds) {
            requireId("eos_token_id", eos, vocabSize);
        }
        ropeScaling = ropeScaling == null ? Optional.empty() : ropeScaling;
    }

    /**
     * Starts a configuration with Hugging Face's defaults for the optional fields.
     *
     * @param modelType {@code llama}, {@code mistral} or {@code qwen2}
     * @return a builder
     */
    public static Builder builder(String modelType) {
        return new Builder(modelType);
    }

    /**
     * Returns how many query heads share one key/value head.
     *
     * @return numAttentionHeads / numKeyValueHeads
     */
    public int queryGroupSize() {
        return numAttentionHeads / numKeyValueHeads;
    }

    /**
     * Counts the parameters of a model of this shape.
     *
     * @return the number of scalar parameters (the tied head counted once)
     */
    public long parameterCount() {
        long attention = (long) hiddenSize * headDim * (2L * numAttentionHeads + 2L * numKeyValueHeads)
                + (qkvBias ? (long) headDim * (numAttentionHeads + 2L * numKeyValueHeads) : 0)
                + (outputBias ? hiddenSize : 0);
        long mlp = 3L * hiddenSize * intermediateSize + (mlpBias ? 2L * intermediateSize + hiddenSize : 0);
        long layer = attention + mlp + 2L * hiddenSize;
        long embeddings = (long) vocabSize * hiddenSize;
        return embeddings + layer * numHiddenLayers + hiddenSize + (tieWordEmbeddings ? 0 : embeddings);
    }

    /**
     * Reads the configuration of a model folder.
     *
     * @param folder the model folder
     * @return the configuration
     * @throws IllegalArgumentException naming config.json and the field if a value is missing, invalid or unsupported
     */
    public static LlamaConfig read(HfModelFolder folder) {
        return fromJson(folder.config(), folder.configFile().toString());
    }

    /**
     * Parses a configuration from a {@code config.json} tree.
     *
     * @param json the parsed file
     * @param source the file name, used in error messages
     * @return the configuration
     * @throws IllegalArgumentException naming the source and the field if a value is missing, invalid or unsupported
     */
    public static LlamaConfig fromJson(JsonNode json, String source) {
        try {
            String modelType = json.path("model_type").asText("");
            if (!MODEL_TYPES.contains(modelType)) {
                throw new IllegalArgumentException("model_type '" + modelType + "' is not a supported causal LM "
                        + "(supported: llama, mistral, qwen2)");
            }
            String act = json.path("hidden_act").asText(SILU);
            if (!SILU.equals(act)) {
                throw new IllegalArgumentException("hidden_act '" + act + "' is not supported (only 'silu')");
            }
            int heads = requiredInt(json, "num_attention_heads");
            int hidden = requiredInt(json, "hidden_size");
            boolean attentionBias = optionalBoolean(json, "attention_bias", false);
            Builder builder = builder(modelType)
                    .setVocabSize(requiredInt(json, "vocab_size"))
                    .setHiddenSize(hidden)
                    .setIntermediateSize(requiredInt(json, "intermediate_size"))
                    .setNumHiddenLayers(requiredInt(json, "num_hidden_layers"))
                    .setNumAttentionHeads(heads)
                    .optNumKeyValueHeads(optionalInt(json, "num_key_value_heads", heads))
                    .optHeadDim(optionalInt(json, "head_dim", hidden / heads))
                    .optMaxPositionEmbeddings(optionalInt(json, "max_position_embeddings", 2048))
                    .optRmsNormEps(optionalDouble(json, "rms_norm_eps", 1e-6))
                    .optRopeTheta(optionalDouble(json, "rope_theta", 10000))
                    .optRopeScaling(ropeScaling(json.get("rope_scaling")))
                    .optTieWordEmbeddings(optionalBoolean(json, "tie_word_embeddings", false))
                    .optQkvBias(QWEN2.equals(modelType) || LLAMA.equals(modelType) && attentionBias)
                    .optOutputBias(LLAMA.equals(modelType) && attentionBias)
                    .optMlpBias(LLAMA.equals(modelType) && optionalBoolean(json, "mlp_bias", false))
                    .optSlidingWindow(slidingWindow(json, modelType));
            List<Integer> eos = eosTokenIds(json.get("eos_token_id"));
            builder.optEosTokenIds(eos);
            JsonNode pad = json.get("pad_token_id");
            builder.optPadTokenId(pad != null && !pad.isNull() ? requiredInt(json, "pad_token_id")
                    : eos.isEmpty() ? 0 : eos.get(0));
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the Hugging Face {@code config.json} content for this shape, in a fixed key order so that serialising
     * it is deterministic.
     *
     * @return the configuration as ordered JSON-ready values
     */
    public Map<String, Object> toHfConfig() {
        Map<String, Object> json = new LinkedHashMap<>();
        String architecture = switch (modelType) {
            case MISTRAL -> "MistralForCausalLM";
            case QWEN2 -> "Qwen2ForCausalLM";
            default -> "LlamaForCausalLM";
        };
        json.put("architectures", List.of(architecture));
        json.put("model_type", modelType);
        if (LLAMA.equals(modelType)) {
            json.put("attention_bias", qkvBias);
            json.put("mlp_bias", mlpBias);
        }
        if (eosTokenIds.size() == 1) {
            json.put("eos_token_id", eosTokenIds.get(0));
        } else if (!eosTokenIds.isEmpty()) {
            json.put("eos_token_id", eosTokenIds);
        }
        json.put("head_dim", headDim);
        json.put("hidden_act", SILU);
        json.put("hidden_size", hiddenSize);
        json.put("intermediate_size", intermediateSize);
        json.put("max_position_embeddings", maxPositionEmbeddings);
        json.put("num_attention_heads", numAttentionHeads);
        json.put("num_hidden_layers", numHiddenLayers);
        json.put("num_key_value_heads", numKeyValueHeads);
        json.put("pad_token_id", padTokenId);
        json.put("rms_norm_eps", rmsNormEps);
        json.put("rope_scaling", ropeScaling.map(LlamaConfig::ropeScalingJson).orElse(null));
        json.put("rope_theta", ropeTheta);
        if (slidingWindow > 0) {
            json.put("sliding_window", slidingWindow);
            if (QWEN2.equals(modelType)) {
                json.put("use_sliding_window", true);
            }
        }
        json.put("tie_word_embeddings", tieWordEmbeddings);
        json.put("torch_dtype", "float32");
        json.put("vocab_size", vocabSize);
        return json;
    }

    private static Map<String, Object> ropeScalingJson(RopeScaling scaling) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("factor", scaling.factor());
        json.put("high_freq_factor", scaling.highFreqFactor());
        json.put("low_freq_factor", scaling.lowFreqFactor());
        json.put("original_max_position_embeddings", scaling.originalMaxPositionEmbeddings());
        json.put("rope_type", RopeScaling.LLAMA3);
        return json;
    }

    private static Optional<RopeScaling> ropeScaling(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("field 'rope_scaling' must be an object or null");
        }
        String type = node.has("rope_type") ? node.path("rope_type").asText("") : node.path("type").asText("");
        if ("default".equals(type)) {
            return Optional.empty();
        }
        if (!RopeScaling.LLAMA3.equals(type)) {
            throw new IllegalArgumentException("rope_scaling type '" + type + "' is not supported (only 'llama3')");
        }
        return Optional.of(new RopeScaling(
                requiredDouble(node, "rope_scaling.", "factor"),
                requiredDouble(node, "rope_scaling.", "low_freq_factor"),
                requiredDouble(node, "rope_scaling.", "high_freq_factor"),
                (int) requiredDouble(node, "rope_scaling.", "original_max_position_embeddings")));
    }

    private static int slidingWindow(JsonNode json, String modelType) {
        JsonNode window = json.get("sliding_window");
        if (window == null || window.isNull()) {
            return 0;
        }
        if (QWEN2.equals(modelType) && !optionalBoolean(json, "use_sliding_window", false)) {
            return 0;
        }
        return LLAMA.equals(modelType) ? 0 : requiredInt(json, "sliding_window");
    }

    private static List<Integer> eosTokenIds(JsonNode node) {
        List<Integer> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isArray()) {
            for (JsonNode id : node) {
                if (!id.isIntegralNumber()) {
                    throw new IllegalArgumentException("field 'eos_token_id' must hold integers");
                }
                ids.add(id.intValue());
            }
        } else if (node.isIntegralNumber()) {
            ids.add(node.intValue());
        } else {
            throw new IllegalArgumentException("field 'eos_token_id' must be an integer or a list of integers");
        }
        return ids;
    }

    private static int requiredInt(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer");
        }
        return value.intValue();
    }

    private static int optionalInt(JsonNode json, String field, int fallback) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? fallback : requiredInt(json, field);
    }

    private static double requiredDouble(JsonNode json, String prefix, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("field '" + prefix + field + "' must be a number");
        }
        return value.doubleValue();
    }

    private static double optionalDouble(JsonNode json, String field, double fallback) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? fallback : requiredDouble(json, "", field);
    }

    private static boolean optionalBoolean(JsonNode json, String field, boolean fallback) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("field '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    private static void requireId(String field, int id, int vocabSize) {
        if (id < 0 || id >= vocabSize) {
            throw new IllegalArgumentException(field + " " + id + " is outside the vocabulary of " + vocabSize);
        }
    }

    /** Configures a {@link LlamaConfig}; the four sizes without {@code opt} are required. */
    public static final class Builder {

        private final String modelType;
        private int vocabSize;
        private int hiddenSize;
        private int intermediateSize;
        private int numHiddenLayers;
        private int numAttentionHeads;
        private Integer numKeyValueHeads;
        private Integer headDim;
        private int maxPositionEmbeddings = 2048;
        private double rmsNormEps = 1e-6;
        private double ropeTheta = 10000;
        private Optional<RopeScaling> ropeScaling = Optional.empty();
        private boolean tieWordEmbeddings;
        private boolean qkvBias;
        private boolean outputBias;
        private boolean mlpBias;
        private int slidingWindow;
        private int padTokenId;
        private List<Integer> eosTokenIds = List.of();

        private Builder(String modelType) {
            this.modelType = modelType;
            this.qkvBias = QWEN2.equals(modelType);
        }

        /**
         * Sets the vocabulary size.
         *
         * @param value number of token ids
         * @return this builder
         */
        public Builder setVocabSize(int value) {
            vocabSize = value;
            return this;
        }

        /**
         * Sets the hidden size.
         *
         * @param value width of the residual stream
         * @return this builder
         */
        public Builder setHiddenSize(int value) {
            hiddenSize = value;
            return this;
        }

        /**
         * Sets the feed-forward width.
         *
         * @param value intermediate size
         * @return this builder
         */
        public Builder setIntermediateSize(int value) {
            intermediateSize = value;
            return this;
        }

        /**
         * Sets the number of decoder layers.
         *
         * @param value number of layers
         * @return this builder
         */
        public Builder setNumHiddenLayers(int value) {
            numHiddenLayers = value;
            return this;
        }

        /**
         * Sets the number of query heads.
         *
         * @param value number of heads
         * @return this builder
         */
        public Builder setNumAttentionHeads(int value) {
            numAttentionHeads = value;
            return this;
        }

        /**
         * Sets the number of key/value heads; defaults to the number of query heads.
         *
         * @param value number of key/value heads
         * @return this builder
         */
        public Builder optNumKeyValueHeads(int value) {
            numKeyValueHeads = value;
            return this;
        }

        /**
         * Sets the head width; defaults to hidden size / heads.
         *
         * @param value head width
         * @return this builder
         */
        public Builder optHeadDim(int value) {
            headDim = value;
            return this;
        }

        /**
         * Sets the configured context length; defaults to 2048.
         *
         * @param value max positions
         * @return this builder
         */
        public Builder optMaxPositionEmbeddings(int value) {
            maxPositionEmbeddings = value;
            return this;
        }

        /**
         * Sets the RMSNorm epsilon; defaults to 1e-6.
         *
         * @param value epsilon
         * @return this builder
         */
        public Builder optRmsNormEps(double value) {
            rmsNormEps = value;
            return this;
        }

        /**
         * Sets the rotary base; defaults to 10000.
         *
         * @param value theta
         * @return this builder
         */
        public Builder optRopeTheta(double value) {
            ropeTheta = value;
            return this;
        }

        /**
         * Sets Llama-3 rotary scaling; defaults to none.
         *
         * @param value the scaling, or empty
         * @return this builder
         */
        public Builder optRopeScaling(Optional<RopeScaling> value) {
            ropeScaling = value;
            return this;
        }

        /**
         * Ties the output head to the embeddings; defaults to false.
         *
         * @param value whether to tie
         * @return this builder
         */
        public Builder optTieWordEmbeddings(boolean value) {
            tieWordEmbeddings = value;
            return this;
        }

        /**
         * Sets query/key/value biases; defaults to true for qwen2, else false.
         *
         * @param value whether q/k/v projections have biases
         * @return this builder
         */
        public Builder optQkvBias(boolean value) {
            qkvBias = value;
            return this;
        }

        /**
         * Sets the attention output bias; defaults to false.
         *
         * @param value whether o_proj has a bias
         * @return this builder
         */
        public Builder optOutputBias(boolean value) {
            outputBias = value;
            return this;
        }

        /**
         * Sets MLP biases; defaults to false.
         *
         * @param value whether gate/up/down projections have biases
         * @return this builder
         */
        public Builder optMlpBias(boolean value) {
            mlpBias = value;
            return this;
        }

        /**
         * Sets the attention window; defaults to 0 (none).
         *
         * @param value window in tokens, or 0
         * @return this builder
         */
        public Builder optSlidingWindow(int value) {
            slidingWindow = value;
            return this;
        }

        /**
         * Sets the padding id; defaults to 0.
         *
         * @param value pad id
         * @return this builder
         */
        public Builder optPadTokenId(int value) {
            padTokenId = value;
            return this;
        }

        /**
         * Sets the end-of-sequence ids; defaults to none.
         *
         * @param value eos ids
         * @return this builder
         */
        public Builder optEosTokenIds(List<Integer> value) {
            eosTokenIds = value;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the validated configuration
         * @throws IllegalArgumentException if a value is out of range
         */
        public LlamaConfig build() {
            int heads = numAttentionHeads;
            return new LlamaConfig(modelType, vocabSize, hiddenSize, intermediateSize, numHiddenLayers, heads,
                    numKeyValueHeads != null ? numKeyValueHeads : heads,
                    headDim != null ? headDim : heads > 0 ? hiddenSize / heads : 0,
                    maxPositionEmbeddings, rmsNormEps, ropeTheta, ropeScaling, tieWordEmbeddings, qkvBias,
                    outputBias, mlpBias, slidingWindow, padTokenId, eosTokenIds);
        }
    }
}
