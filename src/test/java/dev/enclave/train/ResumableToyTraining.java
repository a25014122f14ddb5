package dev.enclave.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.enclave.model.DjlOffline;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;
import dev.enclave.residency.DjlNetworkSettings;
import dev.enclave.run.RunContext;
import dev.enclave.spec.TrainingSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Child-JVM entry point of {@link KillAndResumeTest}: LoRA training of the toy task in a run folder with a checkpoint
 * every {@value #CHECKPOINT_EVERY} steps, resuming from the newest checkpoint if there is one, then the merged weights
 * to {@code final.safetensors}. Arguments: run folder, model folder, milliseconds to sleep after each step (to give
 * the parent time to kill it mid-run; sleeping changes no number).
 */
public final class ResumableToyTraining {
    static final int CHECKPOINT_EVERY = 3;
    static final String FINAL = "final.safetensors";

    private ResumableToyTraining() {}

    public static void main(String[] args) throws Exception {
        DjlOffline.apply();
        DjlNetworkSettings.enforce();
        Path runDir = Path.of(args[0]);
        HfModelFolder folder = HfModelFolder.open(Path.of(args[1]));
        long pause = Long.parseLong(args[2]);
        try (RunContext run = RunContext.open(runDir, Clock.systemUTC());
                NDManager manager = NDManager.newBaseManager();
                ToyClassification toy = new ToyClassification(folder, TrainingSpec.Method.LORA, manager)) {
            TrainingPlan plan = TrainingPlan.of(toy.examples.size(), 8, 1, 2, 0, 11);
            LearningRateSchedule schedule = LearningRateSchedule.of(plan.size(), 0.2, TrainingSpec.Schedule.COSINE);
            Checkpoints checkpoints = new Checkpoints(run.files(), "train", runDir.resolve("checkpoints/toy"), "toy",
                    11, plan, schedule);
            Optional<Path> latest = checkpoints.latest();
            TrainingProgress from = latest.isPresent() ? checkpoints.restore(latest.get(), toy.optimiser)
                    : TrainingProgress.start();
            System.out.println("starting after step " + from.step());
            TrainingLoop.StepListener save = checkpoints.every(CHECKPOINT_EVERY, toy.optimiser);
            TrainingProgress done = TrainingLoop.builder()
                    .setTask("toy")
                    .setPlan(plan)
                    .setLoss(toy.loss())
                    .setOptimiser(toy.optimiser)
                    .setSchedule(schedule)
                    .setSeed(11)
                    .optLogEvery(2)
                    .optListener(progress -> {
                        save.afterStep(progress);
                        LockSupport.parkNanos(pause * 1_000_000);
                    })
                    .build()
                    .run(from, manager);
            Map<String, WritableTensor> tensors = new TreeMap<>();
            for (HfParameter parameter : toy.lora.merged(toy.model.hfParameters(), manager)) {
                tensors.put(parameter.name(), WritableTensor.of(parameter.parameter().getArray()));
            }
            tensors.put("loss_curve", WritableTensor.of(lossCurve(done), new Shape(done.lossCurve().size())));
            SafetensorsWriter.builder().build().write(runDir.resolve(FINAL), tensors);
        }
    }

    private static float[] lossCurve(TrainingProgress done) {
        float[] values = new float[done.lossCurve().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) done.lossCurve().get(i).loss();
        }
        return values;
    }
}
