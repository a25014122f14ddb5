package dev.enclave.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.enclave.run.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The optimisation loop shared by every trainer. For each planned step: reseed the engine with {@code seed + step}
 * (so dropout masks depend only on the step, and a resumed run draws the ones an uninterrupted run draws), run each
 * micro-batch's loss under a gradient collector and backward it weighted by its share of the step's examples (the
 * gradients add up), then one AdamW step at the scheduled rate. Every micro-batch's arrays live in a scope closed
 * when it ends. On several devices each micro-batch is cut into one contiguous shard per device, each shard's loss is
 * built in a scope on its device (the model reads per-device copies from {@link ReplicatedParameters}), and the copies'
 * gradients are gathered before the step. A {@link StepListener} sees the progress after each step; checkpoints are
 * written there.
 */
public final class TrainingLoop {
    /** The model-specific part: the mean loss of one micro-batch, built in {@code scope}. */
    public interface BatchLoss {
        NDArray loss(NDManager scope, int[] batch);

        /** Real tokens in the batch, for throughput. */
        long tokens(int[] batch);

        /** Called before the micro-batches of a 1-based step, e.g. to draw that step's masks; does nothing by default. */
        default void beginStep(int step) {
        }
    }

    /** Sees the progress after every optimiser step. */
    @FunctionalInterface
    public interface StepListener {
        void afterStep(TrainingProgress progress) throws IOException;
    }

    private final String task;
    private final TrainingPlan plan;
    private final BatchLoss model;
    private final AdamW optimiser;
    private final LearningRateSchedule schedule;
    private final int logEvery;
    private final long seed;
    private final StepListener listener;
    private final List<Device> devices;
    private final ReplicatedParameters replicas;

    private TrainingLoop(Builder builder) {
        task = builder.task;
        plan = builder.plan;
        model = builder.model;
        optimiser = builder.optimiser;
        schedule = builder.schedule;
        logEvery = builder.logEvery;
        seed = builder.seed;
        listener = builder.listener;
        devices = builder.devices;
        replicas = builder.replicas;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The engine seed before a 1-based step. */
    public static int stepSeed(long seed, int step) {
        return Long.hashCode(seed) + step;
    }

    /** Runs the steps after {@code from} to the end of the plan; returns the final progress. */
    public TrainingProgress run(TrainingProgress from, NDManager manager) {
        int remaining = plan.size() - from.step();
        Progress progressLine = Progress.of(task, "steps", remaining);
        TrainingProgress progress = from;
        long tokensThisRun = 0;
        long started = System.nanoTime();
        for (int step = from.step() + 1; step <= plan.size(); step++) {
            Engine.getInstance().setRandomSeed(stepSeed(seed, step));
            List<int[]> batches = plan.step(step);
            model.beginStep(step);
            long stepExamples = batches.stream().mapToLong(batch -> batch.length).sum();
            long stepTokens = 0;
            double loss = 0;
            try (NDManager stepScope = manager.newSubManager()) {
                List<NDArray> shareLosses = new ArrayList<>();
                for (int[] batch : batches) {
                    List<int[]> shards = shards(batch);
                    for (int device = 0; device < shards.size(); device++) {
                        int[] shard = shards.get(device);
                        float share = (float) shard.length / stepExamples;
                        try (NDManager scope = manager.newSubManager(devices.isEmpty() ? manager.getDevice()
                                : devices.get(device));
                                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray shareLoss = model.loss(scope, shard).mul(share);
                            collector.backward(shareLoss);
                            NDArray value = shareLoss.stopGradient();
                            value.attach(stepScope);
                            shareLosses.add(value);
                        }
                    }
                    stepTokens += model.tokens(batch);
                }
                for (NDArray value : shareLosses) {
                    loss += value.getFloat();
                }
            }
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(task + ": loss became " + loss + " at step " + step
                        + "; lower the learning rate");
            }
            if (replicas != null) {
                replicas.gatherGradients();
            }
            optimiser.step(schedule.factor(step));
            if (replicas != null) {
                replicas.dropTrainedCopies();
            }
            progress = progress.after(stepExamples, stepTokens, loss, logEvery, plan.size());
            tokensThisRun += stepTokens;
            try {
                listener.afterStep(progress);
            } catch (IOException e) {
                throw new UncheckedIOException(task + ": cannot save the state after step " + step, e);
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            progressLine.update(step - from.step(), String.format(Locale.ROOT, "step %d/%d  loss %.4f  %.0f tokens/s",
                    step, plan.size(), loss, tokensThisRun / seconds));
        }
        return progress;
    }

    /** The batch cut into contiguous shards, the first devices taking one more; empty shards at the end are left out. */
    private List<int[]> shards(int[] batch) {
        if (devices.size() <= 1) {
            return List.of(batch);
        }
        List<int[]> shards = new ArrayList<>();
        int start = 0;
        for (int device = 0; device < devices.size(); device++) {
            int left = devices.size() - device;
            int end = start + (batch.length - start + left - 1) / left;
            if (end > start) {
                shards.add(Arrays.copyOfRange(batch, start, end));
            }
            start = end;
        }
        return shards;
    }

    /** Configures a loop; every {@code set} is required. */
    public static final class Builder {
        private String task;
        private TrainingPlan plan;
        private BatchLoss model;
        private AdamW optimiser;
        private LearningRateSchedule schedule;
        private int logEvery = 10;
        private Long seed;
        private StepListener listener = progress -> { };
        private List<Device> devices = List.of();
        private ReplicatedParameters replicas;

        private Builder() {}

        /** Names the loop in progress lines and errors. */
        public Builder setTask(String task) {
            this.task = task;
            return this;
        }

        public Builder setPlan(TrainingPlan plan) {
            this.plan = plan;
            return this;
        }

        public Builder setLoss(BatchLoss model) {
            this.model = model;
            return this;
        }

        public Builder setOptimiser(AdamW optimiser) {
            this.optimiser = optimiser;
            return this;
        }

        public Builder setSchedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Seeds the engine before each step with {@link #stepSeed}. */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Steps per loss point (default 10). */
        public Builder optLogEvery(int logEvery) {
            this.logEvery = logEvery;
            return this;
        }

        public Builder optListener(StepListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Splits each micro-batch across {@code devices} (more than one), with the model reading its parameters from
         * {@code replicas}. Without this the loop runs on the device of the manager it is given.
         */
        public Builder optDevices(List<Device> devices, ReplicatedParameters replicas) {
            this.devices = List.copyOf(devices);
            this.replicas = replicas;
            return this;
        }

        public TrainingLoop build() {
            if (task == null || plan == null || model == null || optimiser == null || schedule == null
                    || seed == null) {
                throw new IllegalArgumentException(
                        "a training loop needs a task, plan, loss, optimiser, schedule and seed");
            }
            if (schedule.totalSteps() != plan.size()) {
                throw new IllegalArgumentException("schedule of " + schedule.totalSteps() + " steps for a plan of "
                        + plan.size());
            }
            if (devices.size() > 1 && replicas == null) {
                throw new IllegalArgumentException("training on " + devices.size() + " devices needs replicas");
            }
            if (logEvery <= 0) {
                throw new IllegalArgumentException("logEvery must be positive, got " + logEvery);
            }
            return new TrainingLoop(this);
        }
    }
}
