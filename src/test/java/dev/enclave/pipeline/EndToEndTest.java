package dev.enclave.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.cli.EnclaveCommand;
import dev.enclave.residency.AuditLog;
import dev.enclave.run.RunFiles;
import dev.enclave.util.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through the CLI on a few hundred sample notes and a few training steps. */
class EndToEndTest {
    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void runPipeline() throws Exception {
        Path csv = TestSlices.clinicalNotes(dir, 300);
        Path spec = TestSlices.spec(dir, csv, "");
        run = dir.resolve("runs/first");
        assertEquals(0, EnclaveCommand.execute("run", spec.toString(), "--run-dir", run.toString()));
    }

    @Test
    void runFolderHoldsEveryArtifact() {
        for (String file : List.of("spec.yaml", "run.json", "audit.jsonl", "manifest.json", "metrics.json",
                "report.html", "quarantine/quarantined.json", "prepared/train.parquet",
                "prepared/validation.parquet", "prepared/test.parquet", "model/config.json",
                "model/model.safetensors", "model/tokenizer.json", "baseline/classifier.safetensors")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file);
        }
    }

    @Test
    void everyRowIsAccountedFor() throws Exception {
        JsonNode prepare = RunFiles.JSON.readTree(run.resolve("manifest.json").toFile()).path("stages").path("prepare");
        assertEquals(300, prepare.path("rows_in").asLong());
        long quarantined = 0;
        for (JsonNode n : prepare.path("quarantined")) {
            quarantined += n.asLong();
        }
        long inSplits = 0;
        for (JsonNode split : prepare.path("splits")) {
            inSplits += split.path("rows").asLong();
        }
        assertEquals(300, prepare.path("rows_out").asLong() + quarantined);
        assertEquals(prepare.path("rows_out").asLong(), inSplits);
        assertTrue(prepare.path("phi_replaced").size() > 3, "de-identification replaced several PHI kinds");
    }

    @Test
    void manifestListsEveryWrittenFileWithItsHash() throws Exception {
        JsonNode files = RunFiles.JSON.readTree(run.resolve("manifest.json").toFile()).path("files");
        for (String file : List.of("prepared/train.parquet", "model/model.safetensors", "metrics.json")) {
            assertEquals(Hashing.sha256Hex(run.resolve(file)), files.path(file).path("sha256").asText(), file);
        }
    }

    @Test
    void metricsExistAndAreInRange() throws Exception {
        JsonNode metrics = RunFiles.JSON.readTree(run.resolve("metrics.json").toFile());
        for (String model : List.of("base", "tuned")) {
            double f1 = metrics.path(model).path("macro_f1").asDouble(-1);
            assertTrue(f1 >= 0 && f1 <= 1, model + " macro-F1 " + f1);
            double accuracy = metrics.path(model).path("accuracy").asDouble(-1);
            assertTrue(accuracy >= 0 && accuracy <= 1, model + " accuracy " + accuracy);
        }
        assertTrue(metrics.path("test_examples").asInt() > 0);
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("macro-F1"), "report shows the comparison");
    }

    @Test
    void privacyTestsRanAndTheirGatesAreInMetricsAndReport() throws Exception {
        JsonNode privacy = RunFiles.JSON.readTree(run.resolve("metrics.json").toFile()).path("privacy");
        assertEquals(4, privacy.path("tuned_exposure").size(), "the default four canaries");
        assertEquals(8, privacy.path("canary_repeats").asInt());
        for (JsonNode canary : privacy.path("tuned_exposure")) {
            double bits = canary.path("exposure").asDouble(-1);
            assertTrue(bits >= 0 && bits <= canary.path("max_exposure").asDouble(), canary.toString());
        }
        double auc = privacy.path("tuned_membership").path("auc").asDouble(-1);
        assertTrue(auc >= 0 && auc <= 1, "AUC " + auc);
        assertEquals(16, privacy.path("thresholds").path("max_exposure").asDouble());
        assertEquals(List.of("max_exposure", "max_membership_auc"),
                privacy.path("gates").findValuesAsText("gate"));
        assertTrue(privacy.path("passed").asBoolean(), privacy.path("gates").toString());
        assertTrue(privacy.path("leak_scan").isNull());

        JsonNode manifest = RunFiles.JSON.readTree(run.resolve("manifest.json").toFile());
        assertEquals(32, manifest.path("stages").path("train").path("canary_examples").asInt());
        assertEquals(Hashing.sha256Hex(run.resolve("privacy/canaries.json")),
                manifest.path("files").path("privacy/canaries.json").path("sha256").asText());
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("<section id=\"privacy\"") && report.contains("Every privacy gate passed"));
    }

    @Test
    void auditLogIsAChainOverEveryWrite() throws Exception {
        List<String> lines = Files.readAllLines(run.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        String previous = AuditLog.GENESIS;
        long writes = 0;
        for (String line : lines) {
            JsonNode entry = AuditLog.parse(line);
            assertEquals(previous, entry.path("prev").asText());
            previous = AuditLog.hashOf(line);
            writes += entry.path("event").asText().equals("write") ? 1 : 0;
        }
        assertTrue(writes >= 10, "writes recorded: " + writes);
        JsonNode last = AuditLog.parse(lines.get(lines.size() - 1));
        assertEquals("run_end", last.path("event").asText());
        assertEquals(Map.of("outcome", "succeeded").get("outcome"), last.path("detail").path("outcome").asText());
    }
}
