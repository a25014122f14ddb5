package dev.enclave.model.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enclave.model.HfModelFolder;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

class GeneratorTest {

    @BeforeAll
    static void offline() {
        DjlNetworkSettings.enforce();
        System.setProperty("ai.djl.default_engine", "PyTorch");
    }

    @Test
    void stopsAtAnEndOfSequenceToken() throws IOException {
        HfModelFolder folder = LlamaFixtures.open("llama-gqa");
        ObjectNode json = folder.config().deepCopy();
        json.put("eos_token_id", 24);
        LlamaCausalLm model = LlamaCausalLm.builder().setConfig(LlamaConfig.fromJson(json, "edited")).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            model.loadWeights(folder, manager);
            Generation generation = Generator.generate(model, new ParameterStore(manager, false), manager,
                    new long[] {1, 4, 6, 7}, GenerationSettings.greedy(10));
            assertArrayEquals(new long[] {11, 0, 24}, generation.newIds(), "the reference greedy tokens up to 24");
            assertEquals(Generation.Stop.END_OF_SEQUENCE, generation.stop());
        }
    }
}
