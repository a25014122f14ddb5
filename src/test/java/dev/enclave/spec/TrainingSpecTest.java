package dev.enclave.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The training keys for LoRA, schedules, accumulation, devices and checkpoints. */
class TrainingSpecTest {
    private static final Path FILE = Path.of("pipelines/test.yaml");
    private static final String BASE = """
            version: 1
            name: notes
            seed: 7
            residency:
              allowed_roots: [data]
            data:
              path: data/notes.csv
              columns: {id: id, group: group, text: text, label: label}
              labels: [a, b]
            model:
              path: models/m
            """;

    @Test
    void defaultsAreFullFineTuningLinearDecayOnEveryDeviceAndAreWrittenOut() {
        LoadedSpec loaded = SpecLoader.parse(FILE, BASE);
        TrainingSpec training = loaded.spec().training();
        assertEquals(TrainingSpec.Method.FULL, training.method());
        assertEquals(new LoraSpec(8, 16.0, 0.05, "query|value|q_proj|v_proj"), training.lora());
        assertEquals(TrainingSpec.Schedule.LINEAR, training.schedule());
        assertEquals(1, training.gradientAccumulation());
        assertEquals("auto", training.devices());
        assertEquals(100, training.checkpointEvery());
        for (String key : new String[] {"method:", "lora:", "rank:", "alpha:", "target_modules:", "schedule:",
            "gradient_accumulation:", "devices:", "checkpoint_every:"}) {
            assertTrue(loaded.resolvedYaml().contains("  " + key), key + " in\n" + loaded.resolvedYaml());
        }
        assertEquals(training, SpecLoader.parse(FILE, loaded.resolvedYaml()).spec().training());
    }

    @Test
    void readsLoraAndLoopSettings() {
        TrainingSpec training = SpecLoader.parse(FILE, BASE + """
                training:
                  method: lora
                  lora: {rank: 4, alpha: 8, dropout: 0, target_modules: q_proj|k_proj|v_proj|o_proj}
                  schedule: cosine
                  gradient_accumulation: 4
                  devices: GPU:0,1
                  checkpoint_every: 0
                """).spec().training();
        assertEquals(TrainingSpec.Method.LORA, training.method());
        assertEquals(new LoraSpec(4, 8.0, 0.0, "q_proj|k_proj|v_proj|o_proj"), training.lora());
        assertEquals(TrainingSpec.Schedule.COSINE, training.schedule());
        assertEquals(4, training.gradientAccumulation());
        assertEquals("gpu:0,1", training.devices());
        assertEquals(0, training.checkpointEvery());
    }

    @Test
    void badValuesNameTheirField() {
        EnclaveException devices = assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, BASE + """
                training:
                  devices: tpu
                """));
        assertTrue(devices.getMessage().contains("test.yaml:13:") && devices.getMessage().contains("'devices'"),
                devices.getMessage());
        EnclaveException targets = assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, BASE + """
                training:
                  lora:
                    target_modules: "query||value"
                """));
        assertTrue(targets.getMessage().contains("training.lora: 'target_modules' must be module names"),
                targets.getMessage());
        EnclaveException rank = assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, BASE + """
                training:
                  lora: {rank: 0}
                """));
        assertTrue(rank.getMessage().contains("'rank' must be positive"), rank.getMessage());
    }

    @Test
    void theShippedPipelineStillLoads() {
        assertEquals(TrainingSpec.Method.FULL,
                SpecLoader.load(Path.of("pipelines/clinical-notes.yaml")).spec().training().method());
    }
}
