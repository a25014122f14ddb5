package dev.enclave.model.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class LlamaConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode minimal(String modelType) {
        ObjectNode json = JSON.createObjectNode();
        json.put("model_type", modelType);
        json.put("vocab_size", 100);
        json.put("hidden_size", 64);
        json.put("intermediate_size", 128);
        json.put("num_hidden_layers", 2);
        json.put("num_attention_heads", 8);
        return json;
    }

    private static String error(ObjectNode json) {
        return assertThrows(IllegalArgumentException.class, () -> LlamaConfig.fromJson(json, "cfg.json")).getMessage();
    }

    @Test
    void readsTheFixtureVariants() {
        LlamaConfig gqa = LlamaConfig.read(LlamaFixtures.open("llama-gqa"));
        assertEquals(2, gqa.numKeyValueHeads());
        assertEquals(2, gqa.queryGroupSize());
        assertEquals(8, gqa.headDim());
        assertEquals(Optional.of(new RopeScaling(8, 1, 4, 256)), gqa.ropeScaling());
        assertFalse(gqa.tieWordEmbeddings());
        assertEquals(List.of(2), gqa.eosTokenIds());

        LlamaConfig qwen = LlamaConfig.read(LlamaFixtures.open("qwen2-bias"));
        assertTrue(qwen.qkvBias());
        assertFalse(qwen.outputBias());
        assertTrue(qwen.tieWordEmbeddings());
        assertEquals(0, qwen.slidingWindow(), "use_sliding_window false switches the window off");

        LlamaConfig mistral = LlamaConfig.read(LlamaFixtures.open("mistral-bf16"));
        assertEquals(4096, mistral.slidingWindow());
        assertFalse(mistral.qkvBias());
    }

    @Test
    void appliesHuggingFaceDefaults() {
        ObjectNode json = minimal("llama");
        json.putArray("eos_token_id").add(5).add(7);
        LlamaConfig config = LlamaConfig.fromJson(json, "cfg.json");
        assertEquals(8, config.numKeyValueHeads());
        assertEquals(8, config.headDim());
        assertEquals(1e-6, config.rmsNormEps());
        assertEquals(10000, config.ropeTheta());
        assertEquals(Optional.empty(), config.ropeScaling());
        assertEquals(List.of(5, 7), config.eosTokenIds());
        assertEquals(5, config.padTokenId(), "no pad_token_id: the first eos id pads");

        json.put("attention_bias", true);
        json.put("mlp_bias", true);
        LlamaConfig biased = LlamaConfig.fromJson(json, "cfg.json");
        assertTrue(biased.qkvBias() && biased.outputBias() && biased.mlpBias());

        ObjectNode rope = json.putObject("rope_scaling");
        rope.put("type", "default");
        assertEquals(Optional.empty(), LlamaConfig.fromJson(json, "cfg.json").ropeScaling());
    }

    @Test
    void errorsNameTheFileAndField() {
        assertTrue(error(minimal("gpt2")).startsWith("cfg.json: model_type 'gpt2' is not a supported causal LM"));

        ObjectNode noVocab = minimal("llama");
        noVocab.remove("vocab_size");
        assertEquals("cfg.json: field 'vocab_size' must be an integer", error(noVocab));

        ObjectNode gelu = minimal("llama");
        gelu.put("hidden_act", "gelu");
        assertTrue(error(gelu).contains("hidden_act 'gelu' is not supported"));

        ObjectNode groups = minimal("mistral");
        groups.put("num_key_value_heads", 3);
        assertTrue(error(groups).contains("not a multiple of num_key_value_heads 3"));

        ObjectNode yarn = minimal("qwen2");
        yarn.putObject("rope_scaling").put("rope_type", "yarn").put("factor", 4.0);
        assertTrue(error(yarn).contains("rope_scaling type 'yarn' is not supported"));

        ObjectNode incomplete = minimal("llama");
        incomplete.putObject("rope_scaling").put("rope_type", "llama3").put("factor", 8.0);
        assertTrue(error(incomplete).contains("'rope_scaling.low_freq_factor' must be a number"));

        ObjectNode pad = minimal("llama");
        pad.put("pad_token_id", 100);
        assertTrue(error(pad).contains("pad_token_id 100 is outside the vocabulary of 100"));
    }

    @Test
    void hfConfigRoundTrips() {
        for (LlamaConfig config : List.of(LlamaShapes.tiny(), LlamaShapes.oneBillion(), LlamaShapes.cpuBench(),
                LlamaConfig.read(LlamaFixtures.open("qwen2-bias")),
                LlamaConfig.read(LlamaFixtures.open("mistral-bf16")))) {
            assertEquals(config, LlamaConfig.fromJson(JSON.valueToTree(config.toHfConfig()), "round trip"));
        }
    }

    @Test
    void presetsHaveTheAdvertisedSizes() {
        LlamaConfig big = LlamaShapes.oneBillion();
        assertEquals(2048, big.hiddenSize());
        assertEquals(16, big.numHiddenLayers());
        assertEquals(32, big.numAttentionHeads());
        assertEquals(8, big.numKeyValueHeads());
        assertEquals(8192, big.intermediateSize());
        assertEquals(32000, big.vocabSize());
        assertEquals(1_038_682_112L, big.parameterCount());
        assertEquals(512, LlamaShapes.cpuBench().hiddenSize());
        assertEquals(57_942_528L, LlamaShapes.cpuBench().parameterCount());
    }

    @Test
    void llama3ScalingKeepsShortWavelengthsAndStretchesLongOnes() {
        RopeScaling scaling = new RopeScaling(8, 1, 4, 256);
        assertEquals(1.0, scaling.scale(1.0));
        assertEquals(1e-3 / 8, scaling.scale(1e-3), 1e-15);
        double middle = 2 * Math.PI / 128;
        double smooth = (256 / 128.0 - 1) / 3;
        assertEquals((1 - smooth) * middle / 8 + smooth * middle, scaling.scale(middle), 1e-15);
    }
}
