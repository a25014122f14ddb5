package dev.enclave.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.enclave.EnclaveException;
import dev.enclave.deid.Deidentifier;
import dev.enclave.model.DjlOffline;
import dev.enclave.model.EncodedText;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.llama.CausalLm;
import dev.enclave.model.llama.Generation;
import dev.enclave.model.llama.GenerationSettings;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.spec.CanarySpec;
import dev.enclave.spec.PrivacySpec;
import dev.enclave.spec.TrainingSpec;
import dev.enclave.train.AdamW;
import dev.enclave.train.CausalLmLoss;
import dev.enclave.train.LearningRateSchedule;
import dev.enclave.train.TrainingLoop;
import dev.enclave.train.TrainingPlan;
import dev.enclave.train.TrainingProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: a tiny causal LM trained on a handful of texts with a canary repeated many times
 * memorises it, its exposure trips the gate, and greedy generation from the canary's prefix writes the secret out; the
 * same training without the canary passes.
 */
@ExtendWith(DjlOffline.class)
class CanaryMemorisationTest {
    private static final List<String> FILLER = List.of(
            "the patient was seen today for pain in the left knee",
            "no history of fever or cough",
            "mild pain in the right knee and rest for a week",
            "follow up in a week with the plan",
            "severe cough and fever today",
            "the plan is rest and follow up",
            "the patient has no pain today",
            "left knee pain was mild");
    private static final int CANDIDATES = 200;
    private static final PrivacySpec GATES = new PrivacySpec(new CanarySpec(1, 24, List.of(CanarySpec.Shape.MRN)),
            CANDIDATES, null, 10.0, null, 0);

    @TempDir
    static Path dir;

    private static Path model;
    private static CanarySet canaries;

    @BeforeAll
    static void writeModel() throws IOException {
        canaries = CanarySet.generate(GATES.canaries(), 5, 0);
        List<String> words = new ArrayList<>();
        for (String text : FILLER) {
            words.addAll(Arrays.asList(text.split(" ")));
        }
        words.addAll(Arrays.asList(canaries.canaries().get(0).shape().prefix().split(" ")));
        model = TinyCausalLm.write(dir.resolve("tiny-llama"), words.stream().distinct().toList());
    }

    @Test
    void aHeavilyRepeatedCanaryTripsTheExposureGateAndIsWrittenOutVerbatim() throws IOException {
        List<String> texts = new ArrayList<>(FILLER);
        texts.addAll(canaries.trainingTexts());
        assertEquals(FILLER.size() + 24, texts.size());
        try (CausalLm lm = CausalLm.open(model, ProjectionAdapters.NONE)) {
            List<CanaryExposure> before = Exposure.measure(canaries, c -> new LanguageModelScorer(lm, 64), CANDIDATES, 5);
            train(lm, texts);
            List<CanaryExposure> after = Exposure.measure(canaries, c -> new LanguageModelScorer(lm, 64), CANDIDATES, 5);
            CanaryExposure tuned = after.get(0);
            assertTrue(before.get(0).exposure() < 10, "untrained: " + before.get(0));
            assertTrue(tuned.exposure() > 20, "the memorised canary's exposure: " + tuned);
            assertEquals(0, tuned.candidatesAbove(), "no candidate beats the memorised secret");

            Canary canary = canaries.canaries().get(0);
            Generation generation = lm.generate(canary.shape().prefix(), GenerationSettings.greedy(8));
            String generated = lm.decode(generation.newIds());
            LeakScanResult scan = LeakScan.scan(List.of(generated), canaries, Deidentifier.builder().build());
            assertEquals(List.of(canary.id()), scan.reproducedCanaries(), "greedy decoding writes the secret out");

            PrivacyResult result = PrivacyResult.builder(GATES).optExposure(24, before, after).optLeakScan(scan).build();
            assertEquals(List.of("max_exposure", "max_verbatim_canaries"),
                    result.failedGates().stream().map(GateCheck::gate).toList());
            EnclaveException failure = assertThrows(EnclaveException.class, result::requirePassed);
            assertEquals(EnclaveException.GATE_FAILED, failure.exitCode());
            assertTrue(failure.getMessage().startsWith("privacy gate max_exposure failed: canary-1 (mrn) exposure in"
                    + " the tuned model is "), failure.getMessage());
            assertTrue(failure.getMessage().contains("evaluation.privacy.max_exposure is 10 bits"),
                    failure.getMessage());
            assertTrue(!failure.getMessage().contains(canary.secret()), "the secret is not printed");
        }
    }

    @Test
    void withoutTheCanaryTheSameTrainingPassesTheGate() throws IOException {
        try (CausalLm lm = CausalLm.open(model, ProjectionAdapters.NONE)) {
            List<String> texts = new ArrayList<>(FILLER);
            for (int i = 0; i < 3; i++) {
                texts.addAll(FILLER);
            }
            train(lm, texts);
            List<CanaryExposure> exposure = Exposure.measure(canaries, c -> new LanguageModelScorer(lm, 64), CANDIDATES, 5);
            assertTrue(exposure.get(0).exposure() < 10, exposure.get(0).toString());
            PrivacyResult result = PrivacyResult.builder(GATES).optExposure(0, exposure, exposure).build();
            assertTrue(result.passed(), result.gates().toString());
            result.requirePassed();
        }
    }

    /** 120 AdamW steps on the next-token loss of every token, batches of 8. */
    private static void train(CausalLm lm, List<String> texts) throws IOException {
        List<long[]> sequences = new ArrayList<>();
        try (TextEncoder encoder = TextEncoder.open(model.resolve("tokenizer.json"), 64)) {
            for (EncodedText text : encoder.encodeAll(texts)) {
                sequences.add(text.inputIds());
            }
        }
        LlamaCausalLm block = lm.model();
        try (NDManager manager = NDManager.newBaseManager();
                AdamW optimiser = new AdamW(manager, 0.0, 1.0)) {
            List<Map.Entry<String, Parameter>> parameters = block.hfParameters().stream()
                    .map((HfParameter p) -> Map.entry(p.name(), p.parameter())).toList();
            optimiser.add("model", parameters, 1e-2);
            ParameterStore store = new ParameterStore(manager, false);
            TrainingPlan plan = TrainingPlan.of(sequences.size(), 8, 1, 1000, 120, 11);
            TrainingLoop.builder()
                    .setTask("canary-test")
                    .setPlan(plan)
                    .setLoss(new TrainingLoop.BatchLoss() {
                        @Override
                        public NDArray loss(NDManager scope, int[] batch) {
                            int width = Arrays.stream(batch).map(i -> sequences.get(i).length).max().orElseThrow();
                            long[] ids = new long[batch.length * width];
                            long[] mask = new long[batch.length * width];
                            int[] lengths = new int[batch.length];
                            for (int b = 0; b < batch.length; b++) {
                                long[] sequence = sequences.get(batch[b]);
                                System.arraycopy(sequence, 0, ids, b * width, sequence.length);
                                Arrays.fill(mask, b * width, b * width + sequence.length, 1);
                                lengths[b] = sequence.length;
                            }
                            Shape shape = new Shape(batch.length, width);
                            NDArray input = scope.create(ids, shape);
                            NDArray logits = block.forward(store, input, scope.create(mask, shape), null, true);
                            return CausalLmLoss.completionLoss(logits, input,
                                    CausalLmLoss.completionMask(scope, new int[batch.length], lengths, width));
                        }

                        @Override
                        public long tokens(int[] batch) {
                            return Arrays.stream(batch).map(i -> sequences.get(i).length).sum();
                        }
                    })
                    .setOptimiser(optimiser)
                    .setSchedule(LearningRateSchedule.of(plan.size(), 0.1, TrainingSpec.Schedule.LINEAR))
                    .setSeed(11)
                    .optLogEvery(1000)
                    .build()
                    .run(TrainingProgress.start(), manager);
        }
    }
}
