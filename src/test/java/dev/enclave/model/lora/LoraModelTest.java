package dev.enclave.model.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.DjlOffline;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.BertClassifier;
import dev.enclave.model.bert.BertInputs;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.bert.TinyBert;
import dev.enclave.model.safetensors.SafetensorsReader;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** LoRA on the tiny random BERT: what it adapts and freezes, its PEFT files, and merged weights. */
@ExtendWith(DjlOffline.class)
class LoraModelTest {
    private static final LoraConfig QUERY_VALUE = new LoraConfig(4, 8, 0.1, List.of("query", "value"));

    @TempDir
    static Path temp;

    private static HfModelFolder folder;
    private NDManager manager;

    @BeforeAll
    static void writeModel() throws IOException {
        DjlNetworkSettings.enforce();
        folder = HfModelFolder.open(TinyBert.write(temp.resolve("tiny"), UnaryOperator.identity()));
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
    void adaptsTheTargetedProjectionsFreezesTheBaseAndStartsAsTheBaseModel() throws IOException {
        float[] base = logits(classifier(ProjectionAdapters.NONE));
        LoraAdapters adapters = new LoraAdapters(QUERY_VALUE, 1, manager);
        BertClassifier model = classifier(adapters);
        LoraModel lora = adapters.finish(encoder(model));

        assertEquals(List.of("encoder.layer.0.attention.self.query", "encoder.layer.0.attention.self.value",
                "encoder.layer.1.attention.self.query", "encoder.layer.1.attention.self.value"),
                lora.adaptedModules());
        assertEquals(List.of("query", "value"), lora.matchedTargets());
        assertEquals(4 * (4 * 32 + 32 * 4), lora.parameterCount());
        assertEquals("encoder.layer.1.attention.self.value.lora_B.weight", lora.parameters().get(7).name());
        for (HfParameter parameter : encoder(model)) {
            assertFalse(parameter.parameter().requiresGradient(), parameter.name() + " is frozen");
        }
        for (HfParameter parameter : lora.parameters()) {
            assertTrue(parameter.parameter().getArray().hasGradient(), parameter.name() + " trains");
        }
        assertEquals(encoder(model).size(), encoder(classifier(ProjectionAdapters.NONE)).size(),
                "adapters are not base parameters");
        assertArrayEquals(base, logits(model), 0f, "B starts at zero");
        assertEquals(0.5, LoraConfig.of(16, 8, 0, "q_proj|v_proj").scale());
        assertEquals("q_proj", LoraConfig.of(16, 8, 0, "q_proj|v_proj").targetOf("model.layers.3.self_attn.q_proj"));
        assertNull(QUERY_VALUE.targetOf("encoder.layer.0.attention.self.query_bias"));
    }

    @Test
    void targetsThatSelectNoProjectionAreRefusedNamingTheProjections() throws IOException {
        LoraAdapters adapters = new LoraAdapters(LoraConfig.of(4, 8, 0, "q_proj|v_proj"), 1, manager);
        BertClassifier model = classifier(adapters);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> adapters.finish(encoder(model)));
        assertTrue(none.getMessage().contains("[q_proj, v_proj] match no projection")
                && none.getMessage().contains("encoder.layer.0.attention.self.query"), none.getMessage());
    }

    @Test
    void adapterFollowsPeftLayoutAndMergedWeightsGiveTheAdaptedLogits() throws IOException {
        LoraAdapters adapters = new LoraAdapters(QUERY_VALUE, 1, manager);
        BertClassifier model = classifier(adapters);
        LoraModel lora = adapters.finish(encoder(model));
        Random random = new Random(3);
        for (HfParameter parameter : lora.parameters()) {
            float[] value = new float[(int) parameter.shape().size()];
            for (int i = 0; i < value.length; i++) {
                value[i] = (float) random.nextGaussian() * 0.3f;
            }
            parameter.parameter().getArray().set(value);
        }
        float[] adapted = logits(model);
        assertFalse(Arrays.equals(adapted, logits(classifier(ProjectionAdapters.NONE))), "B A changes the logits");

        Path adapterDir = temp.resolve("adapter");
        PeftAdapter.builder()
                .setBaseModel("models/tiny")
                .optTaskType("SEQ_CLS")
                .optModulePrefix("bert.")
                .addModuleToSave("classifier", head(model))
                .build()
                .write(lora, adapterDir);
        JsonNode config = new ObjectMapper().readTree(adapterDir.resolve(PeftAdapter.CONFIG_FILE).toFile());
        assertEquals("LORA", config.path("peft_type").asText());
        assertEquals(4, config.path("r").asInt());
        assertEquals(8.0, config.path("lora_alpha").asDouble());
        assertEquals(0.1, config.path("lora_dropout").asDouble());
        assertEquals("[\"query\",\"value\"]", config.path("target_modules").toString());
        assertEquals("models/tiny", config.path("base_model_name_or_path").asText());
        assertEquals("SEQ_CLS", config.path("task_type").asText());
        assertEquals("[\"classifier\"]", config.path("modules_to_save").toString());
        assertEquals("none", config.path("bias").asText());
        try (SafetensorsReader reader = SafetensorsReader.open(adapterDir.resolve(PeftAdapter.WEIGHTS_FILE))) {
            assertEquals(10, reader.tensorNames().size());
            for (String key : reader.tensorNames()) {
                assertTrue(key.matches("base_model\\.model\\.bert\\.encoder\\.layer\\.[01]\\.attention\\.self\\."
                        + "(query|value)\\.lora_[AB]\\.weight|base_model\\.model\\.classifier\\.(weight|bias)"), key);
            }
            String value = "base_model.model.bert.encoder.layer.1.attention.self.value";
            assertEquals(List.of(4L, 32L), dims(reader, value + ".lora_A.weight"));
            assertEquals(List.of(32L, 4L), dims(reader, value + ".lora_B.weight"));
            assertEquals("pt", reader.metadata().get("format"));
        }

        Path merged = temp.resolve("merged");
        Files.createDirectories(merged);
        Files.copy(folder.configFile(), merged.resolve("config.json"));
        Files.copy(folder.tokenizerFile(), merged.resolve("tokenizer.json"));
        Map<String, WritableTensor> tensors = new TreeMap<>();
        for (HfParameter parameter : lora.merged(model.hfParameters(), manager)) {
            tensors.put(parameter.name(), WritableTensor.of(parameter.parameter().getArray()));
        }
        SafetensorsWriter.builder().build().write(merged.resolve("model.safetensors"), tensors);
        assertArrayEquals(adapted, logits(model), 0f, "merging leaves the live model as it was");
        BertClassifier reloaded = BertClassifier.builder().setConfig(TinyBert.CONFIG).setNumLabels(3).build();
        reloaded.loadWeights(HfModelFolder.open(merged), manager);
        assertArrayEquals(adapted, logits(reloaded), 1e-5f, "merged model = base + adapter");

        PeftAdapter.Contents read = PeftAdapter.read(adapterDir, "bert.");
        assertEquals(QUERY_VALUE, read.config());
        assertEquals("SEQ_CLS", read.taskType());
        BertClassifier fresh = classifier(LoraAdapters.from(read, manager));
        for (HfParameter parameter : head(fresh)) {
            parameter.parameter().getArray().set(read.savedValues().get(parameter.name()));
        }
        assertArrayEquals(adapted, logits(fresh), 1e-6f, "base + adapter read back");
    }

    private BertClassifier classifier(ProjectionAdapters adapters) throws IOException {
        BertClassifier model = BertClassifier.builder().setConfig(TinyBert.CONFIG).setNumLabels(3).optHeadSeed(5)
                .optAdapters(adapters).build();
        model.loadPretrained(folder, manager);
        return model;
    }

    private static List<HfParameter> encoder(BertClassifier model) {
        return model.hfParameters().stream().filter(p -> !p.name().startsWith(BertClassifier.HEAD_PREFIX)).toList();
    }

    private static List<HfParameter> head(BertClassifier model) {
        return model.hfParameters().stream().filter(p -> p.name().startsWith(BertClassifier.HEAD_PREFIX)).toList();
    }

    private float[] logits(BertClassifier model) {
        List<EncodedText> texts = new ArrayList<>();
        texts.add(new EncodedText(new long[] {2, 4, 7, 9, 3}, new long[] {1, 1, 1, 1, 1}, new long[5], false));
        texts.add(new EncodedText(new long[] {2, 5, 3}, new long[] {1, 1, 1}, new long[3], false));
        try (NDManager scope = manager.newSubManager()) {
            NDList inputs = BertInputs.batch(scope, texts, 0);
            return model.forward(new ParameterStore(scope, false), inputs, false).singletonOrThrow().toFloatArray();
        }
    }

    private static List<Long> dims(SafetensorsReader reader, String name) {
        return Arrays.stream(reader.tensor(name).shape().getShape()).boxed().toList();
    }
}
