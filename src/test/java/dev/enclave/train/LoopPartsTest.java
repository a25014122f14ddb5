package dev.enclave.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.enclave.EnclaveException;
import dev.enclave.spec.TrainingSpec.Schedule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedules, plans and device resolution: the parts of the loop that need no engine. */
class LoopPartsTest {
    @Test
    void warmupThenLinearOrCosineDecayToZero() {
        LearningRateSchedule linear = LearningRateSchedule.of(10, 0.2, Schedule.LINEAR);
        LearningRateSchedule cosine = LearningRateSchedule.of(10, 0.2, Schedule.COSINE);
        assertEquals(2, linear.warmupSteps());
        for (LearningRateSchedule schedule : List.of(linear, cosine)) {
            assertEquals(0.5, schedule.factor(1), 1e-12);
            assertEquals(1.0, schedule.factor(2), 1e-12);
            assertEquals(0.0, schedule.factor(10), 1e-12);
        }
        assertEquals(0.5, linear.factor(6), 1e-12);
        assertEquals(0.5, cosine.factor(6), 1e-12);
        assertEquals(0.75, linear.factor(4), 1e-12);
        assertEquals(0.5 * (1 + Math.cos(Math.PI / 4)), cosine.factor(4), 1e-12);
    }

    @Test
    void planGroupsMicroBatchesIntoStepsAndFingerprintsThem() {
        TrainingPlan plan = TrainingPlan.of(10, 3, 2, 2, 0, 5);
        assertEquals(4, plan.size(), "two epochs of micro-batches 3,3,3,1 in pairs");
        assertEquals(List.of(3, 3), plan.step(1).stream().map(batch -> batch.length).toList());
        assertEquals(List.of(3, 1), plan.step(2).stream().map(batch -> batch.length).toList());
        int[] firstEpoch = plan.steps().subList(0, 2).stream().flatMap(List::stream).flatMapToInt(Arrays::stream)
                .sorted().toArray();
        assertEquals(Arrays.toString(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), Arrays.toString(firstEpoch));
        assertEquals(3, TrainingPlan.of(10, 3, 2, 2, 3, 5).size());
        assertEquals(plan.fingerprint(), TrainingPlan.of(10, 3, 2, 2, 0, 5).fingerprint());
        assertNotEquals(plan.fingerprint(), TrainingPlan.of(10, 3, 2, 2, 0, 6).fingerprint());
        assertNotEquals(plan.fingerprint(), TrainingPlan.of(10, 3, 1, 2, 0, 5).fingerprint(), "same order, other steps");
    }

    @Test
    void devicesResolveAgainstTheGpusPresent() {
        assertEquals(List.of(Device.cpu()), Devices.resolve("auto", 0));
        assertEquals(List.of(Device.cpu()), Devices.resolve("cpu", 4));
        assertEquals(List.of(Device.gpu(0), Device.gpu(1)), Devices.resolve("auto", 2));
        assertEquals(List.of(Device.gpu(1), Device.gpu(0)), Devices.resolve("gpu:1,0", 2));
        EnclaveException missing = assertThrows(EnclaveException.class, () -> Devices.resolve("gpu:0,2", 2));
        assertTrue(missing.getMessage().contains("names gpu 2 but the engine sees 2 GPU(s)"), missing.getMessage());
        assertThrows(EnclaveException.class, () -> Devices.resolve("gpu", 0));
        assertThrows(EnclaveException.class, () -> Devices.resolve("gpu:1,1", 2));
    }

    @Test
    void autoTakesTheGpusSparkAssignedToTheDriver() {
        assertEquals(List.of(Device.gpu(2)), Devices.resolve("auto", 4, List.of(2)));
        assertEquals(List.of(Device.gpu(0), Device.gpu(1)), Devices.resolve("auto", 2, List.of()));
        assertEquals(List.of(Device.cpu()), Devices.resolve("cpu", 4, List.of(2)), "an explicit setting wins");
        EnclaveException stale = assertThrows(EnclaveException.class, () -> Devices.resolve("auto", 1, List.of(3)));
        assertTrue(stale.getMessage().contains("Spark assigned gpu 3 to the driver"), stale.getMessage());
    }
}
