package dev.enclave.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.enclave.EnclaveException;
import dev.enclave.model.DjlOffline;
import dev.enclave.residency.DjlNetworkSettings;
import dev.enclave.run.RunContext;
import dev.enclave.spec.SpecLoader;
import dev.enclave.spec.TrainingSpec.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files: what they restore, which they keep, and which runs they refuse. */
@ExtendWith(DjlOffline.class)
class CheckpointsTest {
    @TempDir
    Path temp;

    @Test
    void restoresWeightsMomentsAndProgressKeepsTwoAndRefusesAnotherPlan() throws Exception {
        DjlNetworkSettings.enforce();
        Path spec = Files.writeString(temp.resolve("spec.yaml"), """
                version: 1
                name: ckpt
                seed: 3
                residency: {allowed_roots: [%1$s]}
                data: {path: %1$s/x.csv, columns: {id: a, group: b, text: c, label: d}, labels: [x, y]}
                model: {path: %1$s/m}
                """.formatted(temp.toAbsolutePath()));
        TrainingPlan plan = TrainingPlan.of(8, 2, 1, 2, 0, 3);
        LearningRateSchedule schedule = LearningRateSchedule.of(plan.size(), 0.25, Schedule.COSINE);
        Path dir = temp.resolve("run/checkpoints/loop");
        try (RunContext run = RunContext.create(SpecLoader.load(spec), temp, temp.resolve("run"), Clock.systemUTC());
                NDManager manager = NDManager.newBaseManager()) {
            Checkpoints checkpoints = new Checkpoints(run.files(), "train", dir, "loop", 3, plan, schedule);
            AdamW optimiser = optimiser(manager);
            NDArray weight = optimiser.parameters().get("g:w");
            for (int step = 1; step <= 3; step++) {
                weight.getGradient().set(new float[] {1f, -2f, 0.5f});
                optimiser.step(schedule.factor(step));
                checkpoints.save(progress(step), optimiser);
            }
            Files.createDirectories(dir.resolve("step-00000004.partial"));
            try (Stream<Path> entries = Files.list(dir)) {
                assertEquals(List.of("step-00000002", "step-00000003", "step-00000004.partial"),
                        entries.map(p -> p.getFileName().toString()).sorted().toList());
            }
            assertEquals(dir.resolve("step-00000003"), checkpoints.latest().orElseThrow());

            AdamW fresh = optimiser(manager);
            TrainingProgress restored = checkpoints.restore(checkpoints.latest().orElseThrow(), fresh);
            assertEquals(progress(3), restored);
            assertEquals(3, fresh.steps());
            for (Map.Entry<String, NDArray> moment : optimiser.moments().entrySet()) {
                assertArrayEquals(moment.getValue().toFloatArray(), fresh.moments().get(moment.getKey())
                        .toFloatArray(), 0f, moment.getKey());
            }
            assertArrayEquals(weight.toFloatArray(), fresh.parameters().get("g:w").toFloatArray(), 0f);
            String json = Files.readString(dir.resolve("step-00000003/checkpoint.json"));
            assertTrue(json.contains("\"format_version\" : 1") && json.contains("\"next_engine_seed\" : 7"), json);

            Checkpoints other = new Checkpoints(run.files(), "train", dir, "loop", 4, TrainingPlan.of(8, 2, 1, 2, 0, 4),
                    schedule);
            EnclaveException refused = assertThrows(EnclaveException.class,
                    () -> other.restore(dir.resolve("step-00000003"), optimiser(manager)));
            assertTrue(refused.getMessage().contains("plan_sha256") && refused.getMessage().contains("seed is 3 but"
                    + " this run has 4"), refused.getMessage());
            assertFalse(refused.getMessage().contains("w:"), refused.getMessage());
        }
    }

    private static AdamW optimiser(NDManager manager) {
        Parameter parameter = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        NDArray value = manager.create(new float[] {0.1f, 0.2f, 0.3f});
        value.setRequiresGradient(true);
        parameter.setArray(value);
        return new AdamW(manager, 0.01, 0).add("g", List.of(Map.entry("w", parameter)), 0.1);
    }

    private static TrainingProgress progress(int step) {
        return new TrainingProgress(step, step * 2L, step * 10L, List.of(new LossPoint(1, 0.5)), 0.25 * step, step - 1);
    }
}
