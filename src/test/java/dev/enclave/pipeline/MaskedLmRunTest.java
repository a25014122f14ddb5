package dev.enclave.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.cli.EnclaveCommand;
import dev.enclave.eval.ExampleLosses;
import dev.enclave.eval.MaskedLmEvaluation;
import dev.enclave.model.HfModelFolder;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.privacy.PrivacyResult;
import dev.enclave.run.RunContext;
import dev.enclave.run.RunFiles;
import dev.enclave.train.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enclave run} of a masked-lm spec with full fine-tuning on a tiny random BERT with a masked-LM head: the loss
 * falls, {@code model/} reloads as a {@code BertForMaskedLM} whose test loss is the one metrics.json reports, the
 * privacy tests ran on both models without a leak scan, and the report shows the language-model and privacy sections.
 */
class MaskedLmRunTest {
    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void runPipeline() throws Exception {
        Path model = LanguageModelFixtures.bertMaskedLm(dir.resolve("models/bert"));
        Path csv = LanguageModelFixtures.toyNotes(dir, 48);
        Path spec = LanguageModelFixtures.spec(dir, "masked", csv, model, "{type: masked-lm, max_tokens: 16}",
                "learning_rate: 0.01\ndropout: 0.0");
        run = dir.resolve("runs/masked");
        assertEquals(0, EnclaveCommand.execute("run", spec.toString(), "--run-dir", run.toString()));
    }

    @Test
    void lossFallsAndTheBaseIsThePretrainedModel() throws Exception {
        JsonNode train = RunFiles.JSON.readTree(run.resolve("manifest.json").toFile()).path("stages").path("train");
        assertEquals("masked-lm", train.path("task").asText());
        assertEquals("full", train.path("method").asText());
        JsonNode curve = train.path("tuned").path("loss_curve");
        double first = curve.get(0).path("loss").asDouble();
        double last = curve.get(curve.size() - 1).path("loss").asDouble();
        assertTrue(last < first - 0.3, "loss " + first + " -> " + last);
        assertFalse(train.path("base").path("trained").asBoolean(true));
        assertFalse(Files.exists(run.resolve("adapter")), "no adapter for full fine-tuning");
    }

    @Test
    void reloadedModelGivesTheTunedFiguresOfMetricsJson() throws Exception {
        JsonNode config = RunFiles.JSON.readTree(run.resolve("model/config.json").toFile());
        assertEquals("BertForMaskedLM", config.path("architectures").get(0).asText());
        JsonNode metrics = RunFiles.JSON.readTree(run.resolve("metrics.json").toFile());
        assertEquals("masked-lm", metrics.path("task").asText());
        JsonNode loss = metrics.path("metrics").path("masked_token_loss");
        assertTrue(loss.path("tuned").asDouble() < loss.path("base").asDouble(), loss.toString());
        assertTrue(loss.path("difference_interval").path("high").asDouble() < 0, loss.toString());
        JsonNode perplexity = metrics.path("metrics").path("perplexity");
        assertEquals(Math.exp(loss.path("tuned").asDouble()), perplexity.path("tuned").asDouble(), 1e-9);
        try (RunContext opened = RunContext.open(run, Clock.systemUTC())) {
            List<Example> test = PreparedSplits.read(opened, "check", "test");
            ExampleLosses again = MaskedLmEvaluation.score(HfModelFolder.open(run.resolve("model")), test,
                    opened.spec());
            assertEquals(loss.path("tuned").asDouble(), again.meanLossPerToken(), 1e-5);
            assertEquals(test.size(), again.meanLoss().length);
        }
    }

    @Test
    void privacyTestsRanOnBothModelsWithoutALeakScan() throws Exception {
        JsonNode privacy = RunFiles.JSON.readTree(run.resolve("metrics.json").toFile()).path("privacy");
        assertEquals(2, privacy.path("canary_repeats").asInt());
        for (String model : new String[] {"base", "tuned"}) {
            JsonNode exposure = privacy.path(model + "_exposure");
            assertEquals(List.of("mrn", "ssn"), exposure.findValuesAsText("shape"), model);
            for (JsonNode canary : exposure) {
                double bits = canary.path("exposure").asDouble(-1);
                assertTrue(bits >= 0 && bits <= canary.path("max_exposure").asDouble(), canary.toString());
                assertTrue(canary.path("candidate_std_dev").asDouble() > 0, "candidates scored apart: " + canary);
            }
            double auc = privacy.path(model + "_membership").path("auc").asDouble(-1);
            assertTrue(auc >= 0 && auc <= 1, model + " AUC " + auc);
        }
        assertTrue(privacy.path("leak_scan").isNull());
        assertEquals(PrivacyResult.MASKED_LM_NOTE, privacy.path("leak_scan_note").asText());
        assertEquals(List.of("max_exposure", "max_membership_auc"), privacy.path("gates").findValuesAsText("gate"));
        JsonNode train = RunFiles.JSON.readTree(run.resolve("manifest.json").toFile()).path("stages").path("train");
        assertEquals(4, train.path("canary_examples").asInt());
    }

    @Test
    void reportShowsTheLanguageModelAndPrivacySections() throws Exception {
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("id=\"lm-evaluation\""));
        assertTrue(report.contains("Masked-token loss"));
        assertTrue(report.contains("<section id=\"privacy\""));
        assertTrue(report.contains("does not generate free text"));
        assertFalse(report.contains("id=\"confusion\""));
    }
}
