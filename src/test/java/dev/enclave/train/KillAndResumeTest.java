package dev.enclave.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.bert.TinyBert;
import dev.enclave.model.safetensors.SafetensorsReader;
import dev.enclave.run.RunContext;
import dev.enclave.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LoRA training run in a child JVM, killed with SIGKILL after its first checkpoint and resumed, ends with the same
 * merged weights and loss curve as an uninterrupted run (to 1e-6). Dropout is active, so this also checks that the
 * per-step reseeding reproduces the masks.
 */
class KillAndResumeTest {
    @TempDir
    Path temp;

    @Test
    void killedRunResumesToTheWeightsOfAnUninterruptedRun() throws Exception {
        Path model = TinyBert.write(temp.resolve("tiny"), UnaryOperator.identity());
        Path straight = newRun("straight");
        Path killed = newRun("killed");

        Process uninterrupted = child(straight, model, 0);
        assertEquals(0, uninterrupted.waitFor(), output(straight));

        Process victim = child(killed, model, 400);
        Path checkpoints = killed.resolve("checkpoints/toy");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (completeCheckpoints(checkpoints).isEmpty() && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        victim.destroyForcibly().waitFor();
        assertFalse(completeCheckpoints(checkpoints).isEmpty(), "no checkpoint before the kill: " + output(killed));
        assertFalse(Files.exists(killed.resolve(ResumableToyTraining.FINAL)), "the run ended before the kill");

        Process resumed = child(killed, model, 0);
        assertEquals(0, resumed.waitFor(), output(killed));
        String log = output(killed);
        int resumedAt = Integer.parseInt(log.replaceAll("(?s).*starting after step (\\d+).*", "$1"));
        assertTrue(resumedAt >= ResumableToyTraining.CHECKPOINT_EVERY && resumedAt < 12, log);

        try (SafetensorsReader expected = SafetensorsReader.open(straight.resolve(ResumableToyTraining.FINAL));
                SafetensorsReader actual = SafetensorsReader.open(killed.resolve(ResumableToyTraining.FINAL))) {
            assertEquals(expected.tensorNames(), actual.tensorNames());
            for (String name : expected.tensorNames()) {
                float[] want = expected.readFloats(name);
                float[] got = actual.readFloats(name);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-6, name + "[" + i + "]");
                }
            }
        }
    }

    private Path newRun(String name) throws IOException {
        String yaml = """
                version: 1
                name: resume
                seed: 11
                residency:
                  allowed_roots: [%1$s]
                data:
                  path: %1$s/none.csv
                  columns: {id: id, group: group, text: text, label: label}
                  labels: [bad, good]
                model:
                  path: %1$s/tiny
                """.formatted(temp.toAbsolutePath());
        Path spec = Files.writeString(temp.resolve(name + ".yaml"), yaml);
        Path runDir = temp.resolve("runs").resolve(name);
        RunContext.create(SpecLoader.load(spec), temp, runDir, Clock.systemUTC()).close();
        return runDir;
    }

    private static Process child(Path runDir, Path model, long pauseMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-Dai.djl.pytorch.num_threads=1",
                "-cp", System.getProperty("java.class.path"), ResumableToyTraining.class.getName(),
                runDir.toString(), model.toString(), Long.toString(pauseMillis))
                .redirectErrorStream(true)
                .redirectOutput(runDir.resolve("child.log").toFile())
                .start();
    }

    private static String output(Path runDir) throws IOException {
        return Files.readString(runDir.resolve("child.log"), StandardCharsets.UTF_8);
    }

    private static List<Path> completeCheckpoints(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(path -> path.getFileName().toString().matches("step-\\d{8}")).toList();
        }
    }
}
