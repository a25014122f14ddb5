package dev.enclave.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.cli.EnclaveCommand;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.LlamaConfig;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.PeftAdapter;
import dev.enclave.model.safetensors.SafetensorsReader;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.prep.PreparedSplits.CausalSequence;
import dev.enclave.run.RunContext;
import dev.enclave.run.RunFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enclave run} of a causal-lm spec with LoRA on a tiny random Llama and toy notes whose answer follows from the
 * text: the loss falls, {@code model/} reloads and equals base + adapter, metrics.json and the report hold the
 * language-model figures and the privacy tests, a run resumed from an earlier checkpoint ends with the same weights,
 * and a run with one heavily repeated canary fails the exposure gate after writing its report.
 */
class CausalLmRunTest {
    @TempDir
    static Path dir;

    static Path model;
    static Path csv;
    static Path run;

    @BeforeAll
    static void runPipeline() throws Exception {
        model = LanguageModelFixtures.llama(dir.resolve("models/llama"));
        csv = LanguageModelFixtures.toyNotes(dir, 48);
        Path spec = LanguageModelFixtures.spec(dir, "causal", csv, model,
                "{type: causal-lm, max_tokens: 24, prompt_template: \"note: {text} answer:\","
                        + " completion_template: \" {label}\"}",
                "learning_rate: 0.05\nmethod: lora\nlora: {rank: 8, alpha: 16, dropout: 0.0,"
                        + " target_modules: \"q_proj|v_proj|o_proj|down_proj\"}");
        run = dir.resolve("runs/causal");
        assertEquals(0, EnclaveCommand.execute("run", spec.toString(), "--run-dir", run.toString()));
    }

    @Test
    void lossFallsAndTheManifestSaysTheBaseIsThePretrainedModel() throws Exception {
        JsonNode train = manifest().path("stages").path("train");
        assertEquals("causal-lm", train.path("task").asText());
        assertEquals("lora", train.path("method").asText());
        JsonNode curve = train.path("tuned").path("loss_curve");
        double first = curve.get(0).path("loss").asDouble();
        double last = curve.get(curve.size() - 1).path("loss").asDouble();
        assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
        assertFalse(train.path("base").path("trained").asBoolean(true));
        assertTrue(train.path("base").path("description").asText().contains("not trained"));
        assertTrue(train.path("tuned").path("validation_loss").asDouble()
                < train.path("base").path("validation_loss").asDouble());
        assertEquals(train.path("steps").asInt(), train.path("tuned").path("steps").asInt());
    }

    @Test
    void exportedModelEqualsBasePlusAdapter() throws Exception {
        JsonNode config = RunFiles.JSON.readTree(run.resolve("model/config.json").toFile());
        assertEquals("LlamaForCausalLM", config.path("architectures").get(0).asText());
        assertTrue(Files.isRegularFile(run.resolve("model/tokenizer.json")));
        JsonNode adapterConfig = RunFiles.JSON.readTree(run.resolve("adapter/adapter_config.json").toFile());
        assertEquals("CAUSAL_LM", adapterConfig.path("task_type").asText());
        try (NDManager manager = NDManager.newBaseManager()) {
            HfModelFolder merged = HfModelFolder.open(run.resolve("model"));
            LlamaCausalLm tuned = LlamaCausalLm.builder().setConfig(LlamaConfig.read(merged)).build();
            tuned.loadWeights(merged, manager);
            HfModelFolder base = HfModelFolder.open(model);
            LoraAdapters adapters = LoraAdapters.from(PeftAdapter.read(run.resolve("adapter"), ""), manager);
            LlamaCausalLm adapted = LlamaCausalLm.builder().setConfig(LlamaConfig.read(base))
                    .optAdapters(adapters).build();
            adapted.loadWeights(base, manager);
            LlamaCausalLm pretrained = LlamaCausalLm.builder().setConfig(LlamaConfig.read(base))
                    .optAdapters(ProjectionAdapters.NONE).build();
            pretrained.loadWeights(base, manager);
            long[] ids = {1, 12, 16, 5, 6, 4, 13, 16};
            float[] fromMerged = logits(tuned, ids, manager);
            float[] fromAdapter = logits(adapted, ids, manager);
            float[] fromBase = logits(pretrained, ids, manager);
            double adapterGap = 0;
            double baseGap = 0;
            for (int i = 0; i < fromMerged.length; i++) {
                adapterGap = Math.max(adapterGap, Math.abs(fromMerged[i] - fromAdapter[i]));
                baseGap = Math.max(baseGap, Math.abs(fromMerged[i] - fromBase[i]));
            }
            assertTrue(adapterGap < 1e-4, "merged vs base + adapter: " + adapterGap);
            assertTrue(baseGap > 1e-2, "training changed nothing: " + baseGap);
        }
    }

    @Test
    void metricsHoldPerplexityAndGenerationFiguresWithIntervals() throws Exception {
        JsonNode metrics = RunFiles.JSON.readTree(run.resolve("metrics.json").toFile());
        assertEquals("causal-lm", metrics.path("task").asText());
        for (String name : new String[] {"loss", "perplexity", "exact_match", "rouge_l"}) {
            JsonNode m = metrics.path("metrics").path(name);
            for (String model : new String[] {"base", "tuned"}) {
                double value = m.path(model).asDouble(Double.NaN);
                JsonNode interval = m.path(model + "_interval");
                assertTrue(interval.path("low").asDouble() <= value && value <= interval.path("high").asDouble(),
                        name + " " + model + " " + m);
            }
            assertTrue(m.has("difference_interval"), name);
        }
        JsonNode perplexity = metrics.path("metrics").path("perplexity");
        assertTrue(perplexity.path("tuned").asDouble() < perplexity.path("base").asDouble());
        assertTrue(perplexity.path("difference_interval").path("high").asDouble() < 0, perplexity.toString());
        assertEquals(6, metrics.path("generation").path("examples").asInt());
        JsonNode exact = metrics.path("metrics").path("exact_match");
        assertTrue(exact.path("tuned").asDouble() > exact.path("base").asDouble(), exact.toString());
    }

    @Test
    void reportShowsTheLanguageModelSectionAndNoClassificationSections() throws Exception {
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("id=\"lm-evaluation\""));
        assertTrue(report.contains("Perplexity"));
        assertTrue(report.contains("ROUGE-L"));
        assertTrue(report.contains("id=\"training\""));
        assertFalse(report.contains("id=\"confusion\""));
        assertFalse(report.contains("id=\"per-class\""));
        assertFalse(report.contains("Macro-F1"));
    }

    @Test
    void privacyTestsRanOnBothModelsWithTheLeakScan() throws Exception {
        JsonNode privacy = RunFiles.JSON.readTree(run.resolve("metrics.json").toFile()).path("privacy");
        assertEquals(2, privacy.path("canary_repeats").asInt());
        for (String model : new String[] {"base", "tuned"}) {
            JsonNode exposure = privacy.path(model + "_exposure");
            assertEquals(List.of("canary-1", "canary-2"), exposure.findValuesAsText("canary"), model);
            assertEquals(List.of("mrn", "ssn"), exposure.findValuesAsText("shape"), model);
            for (JsonNode canary : exposure) {
                double bits = canary.path("exposure").asDouble(-1);
                assertTrue(bits >= 0 && bits <= canary.path("max_exposure").asDouble(), canary.toString());
                assertEquals(50, canary.path("candidates").asInt());
            }
            JsonNode membership = privacy.path(model + "_membership");
            double auc = membership.path("auc").asDouble(-1);
            assertTrue(membership.path("interval").path("low").asDouble() <= auc
                    && auc <= membership.path("interval").path("high").asDouble(), membership.toString());
            assertEquals(20, membership.path("members").asInt(), "20 of the train rows");
            assertTrue(membership.path("non_members").asInt() > 0, membership.toString());
        }
        JsonNode scan = privacy.path("leak_scan");
        assertEquals(6 + 2, scan.path("generations").asInt(), "six test prompts and two canary prefixes");
        assertEquals(2, scan.path("canaries").asInt());
        assertTrue(scan.has("verbatim_canaries") && scan.has("hits_by_type"), scan.toString());
        assertEquals(List.of("max_exposure", "max_membership_auc", "max_verbatim_canaries"),
                privacy.path("gates").findValuesAsText("gate"));
        assertTrue(privacy.path("passed").asBoolean(), privacy.path("gates").toString());

        JsonNode manifest = manifest();
        assertEquals(4, manifest.path("stages").path("train").path("canary_examples").asInt());
        assertTrue(manifest.path("files").has("privacy/canaries.json"));
        try (RunContext opened = RunContext.open(run, Clock.systemUTC())) {
            List<CausalSequence> train = PreparedSplits.readCausal(opened, "check", "train");
            assertEquals(manifest.path("stages").path("train").path("train_examples").asInt(), train.size());
            assertTrue(train.stream().noneMatch(row -> row.id().startsWith("canary")), "no canary in prepared/");
        }
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("<section id=\"privacy\"") && report.contains("Every privacy gate passed"));
        assertTrue(report.contains("Identifiers in generated text"));
    }

    @Test
    void aHeavilyRepeatedCanaryTripsTheExposureGateAfterTheReportIsWritten() throws Exception {
        Path spec = LanguageModelFixtures.spec(dir, "causal-canary", csv, model,
                "{type: causal-lm, max_tokens: 24, prompt_template: \"note: {text} answer:\","
                        + " completion_template: \" {label}\"}",
                "learning_rate: 0.05\nmethod: lora\nlora: {rank: 8, alpha: 16, dropout: 0.0,"
                        + " target_modules: \"q_proj|v_proj|o_proj|down_proj\"}",
                "{canaries: {count: 1, repeats: 40, shapes: [mrn]}, exposure_candidates: 50,"
                        + " membership_examples: 20, max_exposure: 3}");
        Path failing = dir.resolve("runs/causal-canary");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = EnclaveCommand.execute("run", spec.toString(), "--run-dir", failing.toString());
        } finally {
            System.setErr(original);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, exit, stderr.lines().filter(line -> line.startsWith("ERROR")).toList().toString());
        assertTrue(stderr.contains("ERROR: privacy gate max_exposure failed: canary-1 (mrn) exposure in the tuned"
                + " model"), stderr.lines().filter(line -> line.contains("gate")).toList().toString());
        JsonNode privacy = RunFiles.JSON.readTree(failing.resolve("metrics.json").toFile()).path("privacy");
        assertFalse(privacy.path("passed").asBoolean(true));
        assertEquals(40, privacy.path("canary_repeats").asInt());
        assertTrue(privacy.path("tuned_exposure").get(0).path("exposure").asDouble() > 3, privacy.toString());
        String report = Files.readString(failing.resolve("report.html"));
        assertTrue(report.contains("Privacy gate failed: max_exposure")
                || report.contains("privacy gates failed"), "the report names the failed gate");
        assertTrue(report.contains("privacy gate max_exposure failed"), "the report says which gate failed");
    }

    @Test
    void resumingFromAnEarlierCheckpointEndsWithTheSameWeights() throws Exception {
        Path finished = Files.copy(run.resolve("model/model.safetensors"), dir.resolve("finished.safetensors"),
                StandardCopyOption.REPLACE_EXISTING);
        Path checkpoints = run.resolve("checkpoints/fine-tune");
        Path newest;
        try (Stream<Path> list = Files.list(checkpoints)) {
            newest = list.max(java.util.Comparator.naturalOrder()).orElseThrow();
        }
        try (Stream<Path> files = Files.list(newest)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(newest);
        assertEquals(0, EnclaveCommand.execute("train", run.toString(), "--resume"));
        try (SafetensorsReader expected = SafetensorsReader.open(finished);
                SafetensorsReader actual = SafetensorsReader.open(run.resolve("model/model.safetensors"))) {
            assertEquals(expected.tensorNames(), actual.tensorNames());
            for (String name : expected.tensorNames()) {
                float[] a = expected.readFloats(name);
                float[] b = actual.readFloats(name);
                for (int i = 0; i < a.length; i++) {
                    assertEquals(a[i], b[i], 1e-6, name + "[" + i + "]");
                }
            }
        }
    }

    private static float[] logits(LlamaCausalLm model, long[] ids, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            long[] ones = new long[ids.length];
            java.util.Arrays.fill(ones, 1);
            Shape shape = new Shape(1, ids.length);
            NDArray out = model.forward(new ParameterStore(scope, false), scope.create(ids, shape),
                    scope.create(ones, shape), null, false);
            return out.toFloatArray();
        }
    }

    private static JsonNode manifest() throws Exception {
        return RunFiles.JSON.readTree(run.resolve("manifest.json").toFile());
    }
}
