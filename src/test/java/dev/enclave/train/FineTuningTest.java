package dev.enclave.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.enclave.model.DjlOffline;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.TinyBert;
import dev.enclave.residency.DjlNetworkSettings;
import dev.enclave.spec.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Full fine-tuning and LoRA both learn the toy task on a tiny random BERT, through the shared training loop. */
@ExtendWith(DjlOffline.class)
class FineTuningTest {
    @TempDir
    static Path temp;

    static HfModelFolder folder;

    @BeforeAll
    static void writeModel() throws IOException {
        DjlNetworkSettings.enforce();
        folder = HfModelFolder.open(TinyBert.write(temp.resolve("tiny"), UnaryOperator.identity()));
    }

    @ParameterizedTest
    @EnumSource(TrainingSpec.Method.class)
    void lossFallsWithCosineScheduleAndGradientAccumulation(TrainingSpec.Method method) throws IOException {
        try (NDManager manager = NDManager.newBaseManager();
                ToyClassification toy = new ToyClassification(folder, method, manager)) {
            TrainingPlan plan = TrainingPlan.of(toy.examples.size(), 8, 2, 8, 0, 1);
            LearningRateSchedule schedule = LearningRateSchedule.of(plan.size(), 0.1, TrainingSpec.Schedule.COSINE);
            double before = toy.evaluate(manager);
            TrainingProgress done = TrainingLoop.builder()
                    .setTask("toy-" + method)
                    .setPlan(plan)
                    .setLoss(toy.loss())
                    .setOptimiser(toy.optimiser)
                    .setSchedule(schedule)
                    .setSeed(1)
                    .optLogEvery(4)
                    .build()
                    .run(TrainingProgress.start(), manager);
            double after = toy.evaluate(manager);
            assertEquals(24, done.step());
            assertEquals(48L * 8, done.examples());
            assertTrue(after < 0.5 * before, method + ": loss before " + before + ", after " + after);
            var curve = done.lossCurve();
            assertTrue(curve.get(curve.size() - 1).loss() < curve.get(0).loss(), curve.toString());
        }
    }
}
