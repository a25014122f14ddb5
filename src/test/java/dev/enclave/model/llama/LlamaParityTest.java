package dev.enclave.model.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.WeightLoadReport;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Logits of the Java model against the independent float64 PyTorch forward of make_fixtures.py. */
class LlamaParityTest {

    private static final double TOLERANCE = 1e-4;

    private NDManager manager;

    @BeforeAll
    static void offline() {
        DjlNetworkSettings.enforce();
        System.setProperty("ai.djl.default_engine", "PyTorch");
    }

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-gqa", "llama-tied", "qwen2-bias", "mistral-bf16"})
    void logitsMatchTheReferenceImplementation(String name) throws IOException {
        HfModelFolder folder = LlamaFixtures.open(name);
        LlamaCausalLm model = LlamaCausalLm.builder().setConfig(LlamaConfig.read(folder)).build();
        WeightLoadReport report = model.loadWeights(folder, manager);
        assertEquals(List.of(), report.ignored());
        ParameterStore store = new ParameterStore(manager, false);
        for (LlamaFixtures.Sequence sequence : LlamaFixtures.sequences(name)) {
            int length = sequence.ids().length;
            NDArray ids = manager.create(sequence.ids(), new Shape(1, length));
            NDArray mask = manager.ones(new Shape(1, length), ai.djl.ndarray.types.DataType.INT64);
            NDArray logits = model.forward(store, ids, mask, null, false);
            int vocab = model.config().vocabSize();
            assertEquals(new Shape(1, length, vocab), logits.getShape());
            float[] actual = logits.toFloatArray();
            double worst = 0;
            for (int t = 0; t < length; t++) {
                for (int v = 0; v < vocab; v++) {
                    worst = Math.max(worst, Math.abs(actual[t * vocab + v] - sequence.logits()[t][v]));
                }
            }
            assertTrue(worst <= TOLERANCE, name + ": max |logit difference| " + worst + " > " + TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-gqa", "llama-tied", "qwen2-bias", "mistral-bf16"})
    void greedyGenerationWithTheCacheMatchesTheReference(String name) throws IOException {
        HfModelFolder folder = LlamaFixtures.open(name);
        LlamaCausalLm model = LlamaCausalLm.builder().setConfig(LlamaConfig.read(folder)).build();
        model.loadWeights(folder, manager);
        var greedy = LlamaFixtures.reference(name).get("greedy");
        long[] prompt = LlamaFixtures.longs(greedy.get("prompt"));
        long[] expected = LlamaFixtures.longs(greedy.get("new_tokens"));
        Generation generation = Generator.generate(model, new ParameterStore(manager, false), manager, prompt,
                GenerationSettings.greedy(expected.length));
        assertArrayEquals(expected, generation.newIds(), name + ": " + Arrays.toString(generation.newIds()));
        assertEquals(Generation.Stop.MAX_NEW_TOKENS, generation.stop());
    }
}
