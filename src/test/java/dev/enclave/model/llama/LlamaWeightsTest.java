package dev.enclave.model.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.bert.WeightLoadReport;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Parameter names, checked loading, tied heads and seeded random weights. */
class LlamaWeightsTest {

    @TempDir
    Path temp;

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

    private static List<String> names(LlamaCausalLm model) {
        return model.hfParameters().stream().map(HfParameter::name).toList();
    }

    @Test
    void parameterNamesFollowHuggingFace() {
        LlamaConfig qwen = LlamaConfig.read(LlamaFixtures.open("qwen2-bias"));
        List<String> names = names(LlamaCausalLm.builder().setConfig(qwen).build());
        assertEquals(List.of("model.embed_tokens.weight", "model.layers.0.input_layernorm.weight",
                "model.layers.0.self_attn.q_proj.weight", "model.layers.0.self_attn.q_proj.bias",
                "model.layers.0.self_attn.k_proj.weight", "model.layers.0.self_attn.k_proj.bias",
                "model.layers.0.self_attn.v_proj.weight", "model.layers.0.self_attn.v_proj.bias",
                "model.layers.0.self_attn.o_proj.weight", "model.layers.0.post_attention_layernorm.weight",
                "model.layers.0.mlp.gate_proj.weight", "model.layers.0.mlp.up_proj.weight",
                "model.layers.0.mlp.down_proj.weight"), names.subList(0, 13));
        assertEquals("model.norm.weight", names.get(names.size() - 1), "tied: no lm_head.weight");

        LlamaCausalLm untied = LlamaCausalLm.builder().setConfig(LlamaShapes.tiny()).build();
        List<HfParameter> parameters = untied.hfParameters();
        HfParameter head = parameters.get(parameters.size() - 1);
        assertEquals("lm_head.weight", head.name());
        assertEquals(new Shape(64, 32), head.shape());
        assertEquals(new Shape(16, 32), parameters.get(4).shape(), "k_proj: 2 kv heads of 8");
        long count = parameters.stream().mapToLong(p -> p.shape().size()).sum();
        assertEquals(LlamaShapes.tiny().parameterCount(), count);
    }

    /** Copies a fixture into {@code temp/copy}, letting {@code edit} change its tensors before writing them as F32. */
    private Path copyFixture(String name, String copy,
            Function<Map<String, WritableTensor>, Map<String, WritableTensor>> edit) throws IOException {
        Path source = LlamaFixtures.folder(name);
        Path target = temp.resolve(copy);
        Files.createDirectories(target);
        Files.copy(source.resolve("config.json"), target.resolve("config.json"));
        Files.copy(source.resolve("tokenizer.json"), target.resolve("tokenizer.json"));
        Map<String, WritableTensor> tensors = new TreeMap<>();
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(source)) {
            for (String tensor : checkpoint.tensorNames()) {
                tensors.put(tensor,
                        WritableTensor.of(checkpoint.readFloats(tensor), checkpoint.tensor(tensor).shape()));
            }
        }
        SafetensorsWriter.builder().build().write(target.resolve("model.safetensors"), edit.apply(tensors));
        return target;
    }

    @Test
    void missingAndMisshapedTensorsAreNamedBeforeAnythingIsSet() throws IOException {
        Path noHead = copyFixture("llama-gqa", "no-head", tensors -> {
            tensors.remove("lm_head.weight");
            return tensors;
        });
        LlamaCausalLm model = LlamaCausalLm.builder().setConfig(LlamaConfig.read(HfModelFolder.open(noHead))).build();
        IOException missing = assertThrows(IOException.class, () -> model.loadWeights(HfModelFolder.open(noHead),
                manager));
        assertTrue(missing.getMessage().contains("missing 1 tensor(s) [lm_head.weight]"), missing.getMessage());
        assertTrue(missing.getMessage().contains("tie_word_embeddings false"), missing.getMessage());
        assertTrue(missing.getMessage().contains("model.safetensors"), missing.getMessage());

        Path wrongShape = copyFixture("llama-gqa", "wrong-shape", tensors -> {
            tensors.put("model.layers.1.self_attn.k_proj.weight", WritableTensor.of(new float[32 * 32],
                    new Shape(32, 32)));
            return tensors;
        });
        IOException misshaped = assertThrows(IOException.class,
                () -> model.loadWeights(HfModelFolder.open(wrongShape), manager));
        assertTrue(misshaped.getMessage().contains("'model.layers.1.self_attn.k_proj.weight' in model.safetensors "
                + "has shape (32, 32), expected (16, 32)"), misshaped.getMessage());
        assertTrue(model.hfParameters().stream().noneMatch(p -> p.parameter().isInitialized()),
                "nothing was set");
    }

    @Test
    void aTiedModelIgnoresAStoredHeadAndBf16IsWidened() throws IOException {
        float[][] marker = new float[1][];
        Path withHead = copyFixture("llama-tied", "with-head", tensors -> {
            marker[0] = tensors.get("model.embed_tokens.weight").values().get();
            tensors.put("lm_head.weight", WritableTensor.of(new float[30 * 32], new Shape(30, 32)));
            return tensors;
        });
        HfModelFolder folder = HfModelFolder.open(withHead);
        LlamaCausalLm model = LlamaCausalLm.builder().setConfig(LlamaConfig.read(folder)).build();
        WeightLoadReport report = model.loadWeights(folder, manager);
        assertEquals(List.of("lm_head.weight"), report.ignored());
        assertArrayEquals(marker[0], model.hfParameters().get(0).parameter().getArray().toFloatArray());

        HfModelFolder bf16 = LlamaFixtures.open("mistral-bf16");
        LlamaCausalLm mistral = LlamaCausalLm.builder().setConfig(LlamaConfig.read(bf16)).build();
        mistral.loadWeights(bf16, manager);
        float[] embedding = mistral.hfParameters().get(0).parameter().getArray().toFloatArray();
        for (float value : embedding) {
            assertEquals(0, Float.floatToIntBits(value) & 0xffff, "bf16 values have 16 zero low bits as float32");
        }
    }

    @Test
    void randomWeightsAreSeededAndRoundTripThroughAHuggingFaceFolder() throws IOException {
        LlamaConfig config = LlamaShapes.tiny();
        LlamaCausalLm first = LlamaCausalLm.random(config, 7, manager);
        LlamaCausalLm again = LlamaCausalLm.random(config, 7, manager);
        LlamaCausalLm other = LlamaCausalLm.random(config, 8, manager);
        List<HfParameter> parameters = first.hfParameters();
        float[] q = parameters.get(2).parameter().getArray().toFloatArray();
        assertArrayEquals(q, again.hfParameters().get(2).parameter().getArray().toFloatArray());
        assertFalse(java.util.Arrays.equals(q, other.hfParameters().get(2).parameter().getArray().toFloatArray()));
        double sumSquares = 0;
        for (float value : q) {
            sumSquares += value * value;
        }
        assertEquals(0.02, Math.sqrt(sumSquares / q.length), 0.002);
        assertArrayEquals(new float[] {1, 1, 1}, java.util.Arrays.copyOf(
                parameters.get(1).parameter().getArray().toFloatArray(), 3), "norm weights start at one");

        Path folder = temp.resolve("random");
        Files.createDirectories(folder);
        new ObjectMapper().writeValue(folder.resolve("config.json").toFile(), config.toHfConfig());
        Files.copy(LlamaFixtures.folder("llama-gqa").resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        Map<String, WritableTensor> tensors = new TreeMap<>();
        parameters.forEach(p -> tensors.put(p.name(), WritableTensor.of(p.parameter().getArray())));
        SafetensorsWriter.builder().build().write(folder.resolve("model.safetensors"), tensors);

        HfModelFolder written = HfModelFolder.open(folder);
        LlamaCausalLm loaded = LlamaCausalLm.builder().setConfig(LlamaConfig.read(written)).build();
        loaded.loadWeights(written, manager);
        for (int i = 0; i < parameters.size(); i++) {
            assertArrayEquals(parameters.get(i).parameter().getArray().toFloatArray(),
                    loaded.hfParameters().get(i).parameter().getArray().toFloatArray(), parameters.get(i).name());
        }
    }
}
