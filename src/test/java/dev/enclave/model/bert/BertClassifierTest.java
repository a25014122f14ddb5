package dev.enclave.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.DjlOffline;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

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

@ExtendWith(DjlOffline.class)
class BertClassifierTest {

    @TempDir
    static Path temp;

    private static HfModelFolder folder;
    private NDManager manager;

    @BeforeAll
    static void writeTinyModel() throws IOException {
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
    void parameterNamesFollowHuggingFaceBertModel() {
        BertClassifier classifier = classifier(1);
        List<String> names = classifier.hfParameters().stream().map(HfParameter::name).toList();
        assertEquals(5 + 16 * TinyBert.CONFIG.numHiddenLayers() + 2, names.size());
        assertEquals(List.of("embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias",
                "encoder.layer.0.attention.self.query.weight", "encoder.layer.0.attention.self.query.bias",
                "encoder.layer.0.attention.self.key.weight", "encoder.layer.0.attention.self.key.bias",
                "encoder.layer.0.attention.self.value.weight", "encoder.layer.0.attention.self.value.bias",
                "encoder.layer.0.attention.output.dense.weight", "encoder.layer.0.attention.output.dense.bias",
                "encoder.layer.0.attention.output.LayerNorm.weight", "encoder.layer.0.attention.output.LayerNorm.bias",
                "encoder.layer.0.intermediate.dense.weight", "encoder.layer.0.intermediate.dense.bias",
                "encoder.layer.0.output.dense.weight", "encoder.layer.0.output.dense.bias",
                "encoder.layer.0.output.LayerNorm.weight", "encoder.layer.0.output.LayerNorm.bias"),
                names.subList(0, 21));
        assertEquals(List.of("classifier.weight", "classifier.bias"), names.subList(names.size() - 2, names.size()));
        HfParameter intermediate = classifier.hfParameters().stream()
                .filter(p -> p.name().equals("encoder.layer.1.intermediate.dense.weight")).findFirst().orElseThrow();
        assertEquals(new Shape(64, 32), intermediate.shape());
    }

    @Test
    void forwardGivesLogitsEmbeddingsAndHiddenStatesWithoutLeakingIntoTheModelManager() throws IOException {
        BertClassifier classifier = classifier(3);
        WeightLoadReport report = classifier.loadPretrained(folder, manager);
        assertEquals(List.of("pooler.dense.weight"), report.ignored());
        ParameterStore store = new ParameterStore(manager, false);
        int parameterArrays = manager.getManagedArrays().size();

        try (NDManager batch = manager.newSubManager()) {
            NDList inputs = inputs(batch, List.of("good food", "the movie was very bad", "a day"));
            assertEquals(new Shape(3, 2), classifier.forward(store, inputs, false).head().getShape());
            assertEquals(new Shape(3, 32), classifier.embed(store, inputs, false).getShape());
            assertEquals(new Shape(3, 7, 32), classifier.encoder().forward(store, inputs, false).head().getShape());
        }
        assertEquals(parameterArrays, manager.getManagedArrays().size(), "activations must not land in the model");

        try (NDManager batch = manager.newSubManager()) {
            Shape shape = new Shape(1, 3);
            NDList outOfVocabulary = new NDList(batch.create(new long[] {2, 99, 3}, shape),
                    batch.ones(shape, DataType.INT64), batch.zeros(shape, DataType.INT64));
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> classifier.forward(store, outOfVocabulary, false));
            assertTrue(error.getMessage().contains("vocab_size is 16"), error.getMessage());
        }
    }

    @Test
    void paddingDoesNotChangeAnEmbeddingAndDropoutActsOnlyInTraining() throws IOException {
        BertClassifier classifier = classifier(1);
        classifier.loadPretrained(folder, manager);
        ParameterStore store = new ParameterStore(manager, false);
        try (NDManager batch = manager.newSubManager()) {
            float[] alone = classifier.embed(store, inputs(batch, List.of("good day")), false).toFloatArray();
            NDList padded = inputs(batch, List.of("good day", "the service was quite bad a movie plot"));
            float[] withPadding = classifier.embed(store, padded, false).get(0).toFloatArray();
            assertArrayEquals(alone, withPadding, 1e-5f);

            float[] inference = classifier.forward(store, padded, false).head().toFloatArray();
            assertArrayEquals(inference, classifier.forward(store, padded, false).head().toFloatArray());
            float[] training = classifier.forward(store, padded, true).head().toFloatArray();
            assertFalse(Arrays.equals(inference, training), "dropout must change training outputs");
        }
    }

    @Test
    void headIsSeededAndWholeClassifierReloadsFromItsOwnCheckpoint() throws IOException {
        BertClassifier first = classifier(5);
        first.loadPretrained(folder, manager);
        BertClassifier same = classifier(5);
        same.loadPretrained(folder, manager);
        BertClassifier other = classifier(6);
        other.loadPretrained(folder, manager);
        assertArrayEquals(head(first), head(same));
        assertFalse(Arrays.equals(head(first), head(other)));

        Path saved = Files.createDirectories(temp.resolve("saved"));
        Map<String, WritableTensor> tensors = new TreeMap<>();
        first.hfParameters().forEach(p -> tensors.put(p.name(), WritableTensor.of(p.parameter().getArray())));
        SafetensorsWriter.builder().build().write(saved.resolve(SafetensorsCheckpoint.SINGLE_FILE), tensors);
        Files.copy(folder.configFile(), saved.resolve("config.json"));
        Files.copy(folder.tokenizerFile(), saved.resolve("tokenizer.json"));
        BertClassifier reloaded = classifier(99);
        reloaded.loadWeights(HfModelFolder.open(saved), manager);

        ParameterStore store = new ParameterStore(manager, false);
        try (NDManager batch = manager.newSubManager()) {
            NDList inputs = inputs(batch, List.of("good movie", "bad plot"));
            assertArrayEquals(first.forward(store, inputs, false).head().toFloatArray(),
                    reloaded.forward(store, inputs, false).head().toFloatArray(), 1e-6f);
        }
        IOException noHead = assertThrows(IOException.class, () -> classifier(1).loadWeights(folder, manager));
        assertTrue(noHead.getMessage().contains("classifier.weight"), noHead.getMessage());
    }

    @Test
    void djlInitializeGivesARandomModelThatLoadingThenOverwrites() throws IOException {
        BertClassifier initialized = classifier(2);
        initialized.initialize(manager, DataType.FLOAT32, new Shape(2, 5));
        assertTrue(initialized.isInitialized());
        ParameterStore store = new ParameterStore(manager, false);
        try (NDManager batch = manager.newSubManager()) {
            NDList inputs = inputs(batch, List.of("good", "bad movie"));
            float[] random = initialized.forward(store, inputs, false).head().toFloatArray();
            initialized.loadPretrained(folder, manager);
            BertClassifier loaded = classifier(2);
            loaded.loadPretrained(folder, manager);
            float[] expected = loaded.forward(store, inputs, false).head().toFloatArray();
            assertArrayEquals(expected, initialized.forward(store, inputs, false).head().toFloatArray(), 1e-6f);
            assertFalse(Arrays.equals(random, expected));
        }
    }

    @Test
    void acceptsBertPrefixedCheckpoints() throws IOException {
        HfModelFolder prefixed = HfModelFolder.open(TinyBert.write(temp.resolve("prefixed"), name -> "bert." + name));
        BertEncoder plain = new BertEncoder(TinyBert.CONFIG);
        plain.loadWeights(folder, manager);
        BertEncoder fromPrefixed = new BertEncoder(TinyBert.CONFIG);
        WeightLoadReport report = fromPrefixed.loadWeights(prefixed, manager);
        assertEquals(plain.hfParameters().size(), report.loaded().size());
        ParameterStore store = new ParameterStore(manager, false);
        try (NDManager batch = manager.newSubManager()) {
            NDList inputs = inputs(batch, List.of("the food was good"));
            assertArrayEquals(plain.forward(store, inputs, false).head().toFloatArray(),
                    fromPrefixed.forward(store, inputs, false).head().toFloatArray());
        }
    }

    @Test
    void loadingFailsNamingMissingAndMisshapedTensors() throws IOException {
        String missingName = "encoder.layer.1.output.LayerNorm.bias";
        HfModelFolder missing = HfModelFolder.open(TinyBert.write(temp.resolve("missing"),
                name -> name.equals(missingName) ? "unrelated.tensor" : name));
        IOException error = assertThrows(IOException.class,
                () -> new BertEncoder(TinyBert.CONFIG).loadWeights(missing, manager));
        assertTrue(error.getMessage().contains(missingName), error.getMessage());
        assertTrue(error.getMessage().contains("model.safetensors"), error.getMessage());

        BertConfig wider = new BertConfig(16, 32, 2, 4, 128, 16, 2, 1e-12, BertConfig.GELU, 0.1, 0.1, 0);
        IOException shapeError = assertThrows(IOException.class,
                () -> new BertEncoder(wider).loadWeights(folder, manager));
        assertTrue(shapeError.getMessage().contains("'encoder.layer.0.intermediate.dense.weight'")
                && shapeError.getMessage().contains("(64, 32)") && shapeError.getMessage().contains("(128, 32)"),
                shapeError.getMessage());
    }

    @Test
    void trainingStepsReduceTheLossOnALearnableToyTask() throws IOException {
        Engine.getInstance().setRandomSeed(7);
        BertClassifier classifier = classifier(3);
        classifier.loadPretrained(folder, manager);
        ParameterStore store = new ParameterStore(manager, false);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build();
        Loss loss = Loss.softmaxCrossEntropyLoss();

        Random random = new Random(5);
        List<String> texts = new ArrayList<>();
        long[] labels = new long[32];
        List<String> fillers = TinyBert.WORDS.subList(2, TinyBert.WORDS.size());
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
            List<String> words = new ArrayList<>();
            for (int w = 0, n = 3 + random.nextInt(4); w < n; w++) {
                words.add(fillers.get(random.nextInt(fillers.size())));
            }
            words.add(random.nextInt(words.size() + 1), labels[i] == 1 ? "good" : "bad");
            texts.add(String.join(" ", words));
        }

        float before = evaluate(classifier, store, loss, texts, labels);
        for (int step = 0; step < 40; step++) {
            try (NDManager batch = manager.newSubManager()) {
                NDList inputs = inputs(batch, texts);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = classifier.forward(store, inputs, true).head();
                    collector.backward(loss.evaluate(new NDList(batch.create(labels)), new NDList(logits)));
                }
                for (HfParameter parameter : classifier.hfParameters()) {
                    NDArray weight = parameter.parameter().getArray();
                    try (NDArray gradient = weight.getGradient()) {
                        adam.update(parameter.name(), weight, gradient);
                        gradient.subi(gradient);
                    }
                }
            }
        }
        float after = evaluate(classifier, store, loss, texts, labels);
        assertTrue(after < before * 0.5f, "loss before " + before + ", after " + after);
    }

    private static float evaluate(BertClassifier classifier, ParameterStore store, Loss loss, List<String> texts,
            long[] labels) throws IOException {
        try (NDManager batch = store.getManager().newSubManager()) {
            NDArray logits = classifier.forward(store, inputs(batch, texts), false).head();
            return loss.evaluate(new NDList(batch.create(labels)), new NDList(logits)).getFloat();
        }
    }

    private static NDList inputs(NDManager batch, List<String> texts) throws IOException {
        try (TextEncoder encoder = TextEncoder.open(folder.tokenizerFile(), 16)) {
            List<EncodedText> encoded = encoder.encodeAll(texts);
            return BertInputs.batch(batch, encoded, TinyBert.CONFIG.padTokenId());
        }
    }

    private static float[] head(BertClassifier classifier) {
        return classifier.hfParameters().stream().filter(p -> p.name().equals("classifier.weight")).findFirst()
                .orElseThrow().parameter().getArray().toFloatArray();
    }

    private static BertClassifier classifier(long seed) {
        return BertClassifier.builder().setConfig(TinyBert.CONFIG).setNumLabels(2).optHeadSeed(seed).build();
    }
}
