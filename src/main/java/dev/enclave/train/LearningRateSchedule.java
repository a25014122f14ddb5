package dev.enclave.train;

/**
 * Linear warm-up to the peak learning rate, then linear decay to zero at the last step. {@link #factor(int)} is the
 * multiplier on each group's peak rate for a 1-based step.
 */
public record LearningRateSchedule(int totalSteps, int warmupSteps) {
    public LearningRateSchedule {
        if (totalSteps <= 0 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("bad schedule: " + totalSteps + " steps, " + warmupSteps + " warm-up");
        }
    }

    public static LearningRateSchedule of(int totalSteps, double warmupFraction) {
        return new LearningRateSchedule(totalSteps, (int) Math.round(totalSteps * warmupFraction));
    }

    public double factor(int step) {
        if (step <= warmupSteps) {
            return (double) step / Math.max(1, warmupSteps);
        }
        return Math.max(0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
    }
}
