package dev.enclave.model.bert;

import dev.enclave.model.HfModelFolder;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a BERT encoder, as stored in a Hugging Face {@code config.json}.
 *
 * <p>Fields with Hugging Face defaults may be absent from the file: type_vocab_size (2), layer_norm_eps (1e-12),
 * hidden_act ("gelu", the exact erf form and the only one supported), hidden_dropout_prob and
 * attention_probs_dropout_prob (0.1), pad_token_id (0).
 *
 * @param vocabSize number of token ids
 * @param hiddenSize width of the hidden states
 * @param numHiddenLayers number of transformer layers
 * @param numAttentionHeads attention heads per layer; must divide hiddenSize
 * @param intermediateSize width of the feed-forward layer
 * @param maxPositionEmbeddings longest input in tokens
 * @param typeVocabSize number of token type (segment) ids
 * @param layerNormEps epsilon of every LayerNorm
 * @param hiddenAct feed-forward activation; only {@code gelu} is supported
 * @param hiddenDropoutProb dropout after embeddings and sublayers (training only)
 * @param attentionProbsDropoutProb dropout on attention probabilities (training only)
 * @param padTokenId id of the padding token
 */
public record BertConfig(
        int vocabSize,
        int hiddenSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int intermediateSize,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double layerNormEps,
        String hiddenAct,
        double hiddenDropoutProb,
        double attentionProbsDropoutProb,
        int padTokenId) {

    /** The only supported activation: exact (erf) GELU. */
    public static final String GELU = "gelu";

    /** Validates the sizes. */
    public BertConfig {
        requirePositive("vocab_size", vocabSize);
        requirePositive("hidden_size", hiddenSize);
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("intermediate_size", intermediateSize);
        requirePositive("max_position_embeddings", maxPositionEmbeddings);
        requirePositive("type_vocab_size", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize
                    + " is not a multiple of num_attention_heads " + numAttentionHeads);
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layer_norm_eps must be positive, got " + layerNormEps);
        }
        if (!GELU.equals(hiddenAct)) {
            throw new IllegalArgumentException("hidden_act '" + hiddenAct + "' is not supported (only 'gelu')");
        }
        requireProbability("hidden_dropout_prob", hiddenDropoutProb);
        requireProbability("attention_probs_dropout_prob", attentionProbsDropoutProb);
        if (padTokenId < 0 || padTokenId >= vocabSize) {
            throw new IllegalArgumentException("pad_token_id " + padTokenId + " is outside the vocabulary");
        }
    }

    /**
     * Returns the width of one attention head.
     *
     * @return hiddenSize / numAttentionHeads
     */
    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /**
     * Reads the configuration of a model folder.
     *
     * @param folder the model folder
     * @return the configuration
     * @throws IllegalArgumentException naming config.json and the field if a value is missing or invalid
     */
    public static BertConfig read(HfModelFolder folder) {
        return fromJson(folder.config(), folder.configFile().toString());
    }

    /**
     * Parses a configuration from a {@code config.json} tree.
     *
     * @param json the parsed file
     * @param source the file name, used in error messages
     * @return the configuration
     * @throws IllegalArgumentException naming the source and the field if a value is missing or invalid
     */
    public static BertConfig fromJson(JsonNode json, String source) {
        try {
            String modelType = json.path("model_type").asText("bert");
            if (!"bert".equals(modelType)) {
                throw new IllegalArgumentException("model_type '" + modelType + "' is not 'bert'");
            }
            String positions = json.path("position_embedding_type").asText("absolute");
            if (!"absolute".equals(positions)) {
                throw new IllegalArgumentException("position_embedding_type '" + positions + "' is not supported");
            }
            return new BertConfig(
                    requiredInt(json, "vocab_size"),
                    requiredInt(json, "hidden_size"),
                    requiredInt(json, "num_hidden_layers"),
                    requiredInt(json, "num_attention_heads"),
                    requiredInt(json, "intermediate_size"),
                    requiredInt(json, "max_position_embeddings"),
                    optionalInt(json, "type_vocab_size", 2),
                    optionalDouble(json, "layer_norm_eps", 1e-12),
                    json.path("hidden_act").asText(GELU),
                    optionalDouble(json, "hidden_dropout_prob", 0.1),
                    optionalDouble(json, "attention_probs_dropout_prob", 0.1),
                    optionalInt(json, "pad_token_id", 0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the Hugging Face {@code config.json} content for a {@code BertModel} with this shape, in a fixed key
     * order so that serialising it is deterministic.
     *
     * @return the configuration as ordered JSON-ready values
     */
    public Map<String, Object> toHfConfig() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("architectures", List.of("BertModel"));
        json.put("attention_probs_dropout_prob", attentionProbsDropoutProb);
        json.put("hidden_act", hiddenAct);
        json.put("hidden_dropout_prob", hiddenDropoutProb);
        json.put("hidden_size", hiddenSize);
        json.put("initializer_range", 0.02);
        json.put("intermediate_size", intermediateSize);
        json.put("layer_norm_eps", layerNormEps);
        json.put("max_position_embeddings", maxPositionEmbeddings);
        json.put("model_type", "bert");
        json.put("num_attention_heads", numAttentionHeads);
        json.put("num_hidden_layers", numHiddenLayers);
        json.put("pad_token_id", padTokenId);
        json.put("position_embedding_type", "absolute");
        json.put("type_vocab_size", typeVocabSize);
        json.put("vocab_size", vocabSize);
        return json;
    }

    private static int requiredInt(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer");
        }
        return value.intValue();
    }

    private static int optionalInt(JsonNode json, String field, int fallback) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? fallback : requiredInt(json, field);
    }

    private static double optionalDouble(JsonNode json, String field, double fallback) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a number");
        }
        return value.doubleValue();
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    private static void requireProbability(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), got " + value);
        }
    }
}
