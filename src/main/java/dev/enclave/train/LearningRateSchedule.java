package dev.enclave.train;

import dev.enclave.spec.TrainingSpec.Schedule;

/**
 * Linear warm-up to the peak learning rate, then linear or cosine decay to zero at the last step. {@link #factor(int)}
 * is the multiplier on each group's peak rate for a 1-based step. Cosine follows Hugging Face's
 * {@code get_cosine_schedule_with_warmup}: {@code 0.5 (1 + cos(π p))} where p runs from 0 after the warm-up to 1 at
 * the last step.
 *
 * @param totalSteps optimiser steps in the run
 * @param warmupSteps steps of linear warm-up
 * @param decay the decay after warm-up
 */
public record LearningRateSchedule(int totalSteps, int warmupSteps, Schedule decay) {
    public LearningRateSchedule {
        if (totalSteps <= 0 || warmupSteps < 0 || warmupSteps > totalSteps || decay == null) {
            throw new IllegalArgumentException("bad schedule: " + totalSteps + " steps, " + warmupSteps + " warm-up, "
                    + decay + " decay");
        }
    }

    public static LearningRateSchedule of(int totalSteps, double warmupFraction, Schedule decay) {
        return new LearningRateSchedule(totalSteps, (int) Math.round(totalSteps * warmupFraction), decay);
    }

    public double factor(int step) {
        if (step <= warmupSteps) {
            return (double) step / Math.max(1, warmupSteps);
        }
        double progress = Math.min(1, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        return switch (decay) {
            case LINEAR -> 1 - progress;
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }
}
