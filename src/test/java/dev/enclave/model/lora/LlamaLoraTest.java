package dev.enclave.model.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.DjlOffline;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.LlamaConfig;
import dev.enclave.model.llama.LlamaShapes;
import dev.enclave.model.safetensors.SafetensorsReader;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** LoRA on the tiny random Llama: PEFT layout for a causal LM, merged weights, and an adapter read back. */
@ExtendWith(DjlOffline.class)
class LlamaLoraTest {
    private static final LlamaConfig CONFIG = LlamaShapes.tiny();
    private static final long[] IDS = {1, 5, 9, 12, 7, 20, 3, 15, 1, 5, 9, 12, 33, 40};

    @TempDir
    Path temp;

    private NDManager manager;

    @BeforeAll
    static void offline() {
        DjlNetworkSettings.enforce();
    }

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void causalLmAdapterFollowsPeftLayoutMergesAndReadsBack() throws IOException {
        LoraAdapters adapters = new LoraAdapters(LoraConfig.of(4, 8, 0, "q_proj|v_proj"), 2, manager);
        LlamaCausalLm model = LlamaCausalLm.builder().setConfig(CONFIG).optAdapters(adapters).build();
        model.initializeRandom(7, manager);
        LoraModel lora = adapters.finish(model.hfParameters());
        assertEquals(List.of("model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.v_proj",
                "model.layers.1.self_attn.q_proj", "model.layers.1.self_attn.v_proj"), lora.adaptedModules());
        float[] base = logits(LlamaCausalLm.random(CONFIG, 7, manager));
        assertArrayEquals(base, logits(model), 0f, "B starts at zero");
        Random random = new Random(1);
        for (HfParameter parameter : lora.parameters()) {
            float[] value = new float[(int) parameter.shape().size()];
            for (int i = 0; i < value.length; i++) {
                value[i] = (float) random.nextGaussian() * 0.5f;
            }
            parameter.parameter().getArray().set(value);
        }
        float[] adapted = logits(model);
        assertFalse(Arrays.equals(base, adapted));

        Path adapterDir = temp.resolve("adapter");
        PeftAdapter.builder().setBaseModel("models/tiny-llama").optTaskType("CAUSAL_LM").build()
                .write(lora, adapterDir);
        JsonNode config = new ObjectMapper().readTree(adapterDir.resolve(PeftAdapter.CONFIG_FILE).toFile());
        assertEquals("CAUSAL_LM", config.path("task_type").asText());
        assertEquals("[\"q_proj\",\"v_proj\"]", config.path("target_modules").toString());
        assertTrue(config.path("modules_to_save").isNull());
        try (SafetensorsReader reader = SafetensorsReader.open(adapterDir.resolve(PeftAdapter.WEIGHTS_FILE))) {
            assertEquals(8, reader.tensorNames().size());
            assertTrue(reader.contains("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight"),
                    reader.tensorNames().toString());
            Shape key = new Shape(CONFIG.numKeyValueHeads() * CONFIG.headDim(), 4);
            assertEquals(key, reader.tensor("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight")
                    .shape(), "B of a grouped-query value projection is [kv heads x head dim, r]");
        }

        Path merged = temp.resolve("merged");
        Files.createDirectories(merged);
        new ObjectMapper().writeValue(merged.resolve("config.json").toFile(), CONFIG.toHfConfig());
        Files.writeString(merged.resolve("tokenizer.json"), "{}");
        Map<String, WritableTensor> tensors = new TreeMap<>();
        for (HfParameter parameter : lora.merged(model.hfParameters(), manager)) {
            tensors.put(parameter.name(), WritableTensor.of(parameter.parameter().getArray()));
        }
        SafetensorsWriter.builder().build().write(merged.resolve("model.safetensors"), tensors);
        HfModelFolder mergedFolder = HfModelFolder.open(merged);
        LlamaCausalLm reloaded = LlamaCausalLm.builder().setConfig(LlamaConfig.read(mergedFolder)).build();
        reloaded.loadWeights(mergedFolder, manager);
        assertArrayEquals(adapted, logits(reloaded), 1e-5f, "merged model = base + adapter");

        PeftAdapter.Contents read = PeftAdapter.read(adapterDir, "");
        LlamaCausalLm again = LlamaCausalLm.builder().setConfig(CONFIG)
                .optAdapters(LoraAdapters.from(read, manager)).build();
        again.initializeRandom(7, manager);
        assertArrayEquals(adapted, logits(again), 1e-6f, "base + adapter read back");
        LlamaCausalLm plain = LlamaCausalLm.builder().setConfig(CONFIG).optAdapters(ProjectionAdapters.NONE).build();
        assertEquals(model.hfParameters().size(), plain.hfParameters().size());
    }

    private float[] logits(LlamaCausalLm model) {
        try (NDManager scope = manager.newSubManager()) {
            Shape shape = new Shape(2, IDS.length / 2);
            NDArray ids = scope.create(IDS, shape);
            return model.forward(new ParameterStore(scope, false), ids, scope.ones(shape, ids.getDataType()), null,
                    false).toFloatArray();
        }
    }
}
