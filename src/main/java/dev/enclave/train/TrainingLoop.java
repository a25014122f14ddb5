package dev.enclave.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.enclave.run.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The optimisation loop shared by every trainer: for each planned batch, loss under a gradient collector, backward,
 * one AdamW step at the scheduled rate. Every step's arrays live in a scope closed at the end of the step.
 */
public final class TrainingLoop {
    /** The model-specific part: the mean loss of one batch, built in {@code scope}. */
    public interface BatchLoss {
        NDArray loss(NDManager scope, int[] batch);

        /** Real tokens in the batch, for throughput. */
        long tokens(int[] batch);
    }

    /**
     * What the loop saw.
     *
     * @param steps optimiser steps
     * @param examples examples seen
     * @param tokens real tokens seen
     * @param lossCurve mean loss per {@code logEvery} steps
     */
    public record Result(int steps, long examples, long tokens, List<LossPoint> lossCurve) {}

    private TrainingLoop() {}

    public static Result run(String task, List<int[]> plan, BatchLoss model, AdamW optimiser,
            LearningRateSchedule schedule, int logEvery, NDManager manager) {
        Progress progress = Progress.of(task, "steps", plan.size());
        List<LossPoint> curve = new ArrayList<>();
        double lossSum = 0;
        int lossCount = 0;
        long examples = 0;
        long tokens = 0;
        long started = System.nanoTime();
        for (int step = 1; step <= plan.size(); step++) {
            int[] batch = plan.get(step - 1);
            double loss;
            try (NDManager scope = manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray batchLoss = model.loss(scope, batch);
                collector.backward(batchLoss);
                loss = batchLoss.getFloat();
            }
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(task + ": loss became " + loss + " at step " + step
                        + "; lower the learning rate");
            }
            optimiser.step(schedule.factor(step));
            examples += batch.length;
            tokens += model.tokens(batch);
            lossSum += loss;
            lossCount++;
            if (step % logEvery == 0 || step == plan.size()) {
                curve.add(new LossPoint(step, lossSum / lossCount));
                lossSum = 0;
                lossCount = 0;
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            progress.update(step, String.format(Locale.ROOT, "loss %.4f  %.0f tokens/s", loss, tokens / seconds));
        }
        return new Result(plan.size(), examples, tokens, curve);
    }
}
