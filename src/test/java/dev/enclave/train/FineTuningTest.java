package dev.enclave.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.enclave.model.DjlOffline;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.TinyBert;
import dev.enclave.residency.DjlNetworkSettings;
import dev.enclave.spec.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full fine-tuning and LoRA both learn toy tasks through the shared training loop: classification on a tiny random
 * BERT, completion on a tiny random Llama.
 */
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
            if (toy.lora != null) {
                for (var parameter : toy.lora.parameters()) {
                    assertTrue(parameter.parameter().getArray().abs().sum().getFloat() > 0, parameter.name());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TrainingSpec.Method.class)
    void tinyLlamaLearnsToCompleteCountingWithTheLossOnCompletionsOnly(TrainingSpec.Method method) {
        try (NDManager manager = NDManager.newBaseManager();
                ToyCompletion toy = new ToyCompletion(method, manager)) {
            TrainingPlan plan = TrainingPlan.of(toy.sequences.length, 8, 1, 12, 0, 2);
            double before = toy.evaluate(manager);
            TrainingLoop.builder()
                    .setTask("llama-" + method)
                    .setPlan(plan)
                    .setLoss(toy.loss())
                    .setOptimiser(toy.optimiser)
                    .setSchedule(LearningRateSchedule.of(plan.size(), 0.1, TrainingSpec.Schedule.COSINE))
                    .setSeed(2)
                    .optLogEvery(6)
                    .build()
                    .run(TrainingProgress.start(), manager);
            double after = toy.evaluate(manager);
            assertTrue(after < 0.5 * before, method + ": completion loss before " + before + ", after " + after);
        }
    }

    @Test
    void batchesSplitAcrossDevicesGiveTheWholeBatchGradient() throws IOException {
        BertConfig c = TinyBert.CONFIG;
        BertConfig noDropout = new BertConfig(c.vocabSize(), c.hiddenSize(), c.numHiddenLayers(),
                c.numAttentionHeads(), c.intermediateSize(), c.maxPositionEmbeddings(), c.typeVocabSize(),
                c.layerNormEps(), c.hiddenAct(), 0, 0, c.padTokenId());
        float[][] weights = new float[2][];
        for (int run = 0; run < 2; run++) {
            List<Device> devices = run == 0 ? List.of(Device.cpu()) : List.of(Device.cpu(), Device.cpu(),
                    Device.cpu());
            try (NDManager manager = NDManager.newBaseManager();
                    ToyClassification toy = new ToyClassification(folder, TrainingSpec.Method.FULL, manager,
                            noDropout, 0f)) {
                TrainingPlan plan = TrainingPlan.of(toy.examples.size(), 7, 2, 1, 3, 1);
                TrainingLoop.builder()
                        .setTask("devices-" + devices.size())
                        .setPlan(plan)
                        .setLoss(toy.loss())
                        .setOptimiser(toy.optimiser)
                        .setSchedule(LearningRateSchedule.of(plan.size(), 0, TrainingSpec.Schedule.LINEAR))
                        .setSeed(1)
                        .optDevices(devices, toy.store)
                        .build()
                        .run(TrainingProgress.start(), manager);
                weights[run] = toy.optimiser.parameters().get("encoder:encoder.layer.1.attention.self.query.weight")
                        .toFloatArray();
            }
        }
        assertArrayEquals(weights[0], weights[1], 1e-5f);
    }
}
