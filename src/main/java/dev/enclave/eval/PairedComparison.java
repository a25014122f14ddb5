package dev.enclave.eval;

import java.util.List;

/**
 * Paired bootstrap comparison of two models' macro-F1 on one test set: each resample draws one set of example
 * indices and scores both models on it, so the interval of {@code tuned - base} reflects only the difference
 * between the models, not which examples happened to be drawn. Macro-F1 follows the conventions of {@link
 * ClassificationMetrics}.
 *
 * @param examples            test examples
 * @param baseMacroF1         macro-F1 of the base model on the full test set
 * @param tunedMacroF1        macro-F1 of the tuned model on the full test set
 * @param difference          {@code tunedMacroF1 - baseMacroF1}
 * @param meanDifference      mean of the difference over the resamples
 * @param differenceInterval  95% bootstrap percentile interval of the difference
 * @param fractionTunedBetter fraction of resamples in which the tuned model scored strictly higher
 * @param seed                bootstrap seed
 * @param bootstrapSamples    bootstrap resamples
 */
public record PairedComparison(
        int examples,
        double baseMacroF1,
        double tunedMacroF1,
        double difference,
        double meanDifference,
        Interval differenceInterval,
        double fractionTunedBetter,
        long seed,
        int bootstrapSamples) {

    /** Comparison with {@link ClassificationMetrics#DEFAULT_BOOTSTRAP_SAMPLES} resamples. */
    public static PairedComparison of(int[] gold, int[] basePredicted, int[] tunedPredicted, List<String> labels,
            long seed) {
        return of(gold, basePredicted, tunedPredicted, labels, seed, ClassificationMetrics.DEFAULT_BOOTSTRAP_SAMPLES);
    }

    /**
     * Compares the tuned model's predictions with the base model's on the same gold labels.
     *
     * @param gold             gold class index per example
     * @param basePredicted    base model's predicted class index per example
     * @param tunedPredicted   tuned model's predicted class index per example
     * @param labels           distinct class names
     * @param seed             seed of the bootstrap
     * @param bootstrapSamples resamples, at least 1
     * @throws IllegalArgumentException naming the offending array and position
     */
    public static PairedComparison of(int[] gold, int[] basePredicted, int[] tunedPredicted, List<String> labels,
            long seed, int bootstrapSamples) {
        BootstrapIndices.checkLabels(labels);
        BootstrapIndices.checkSamples(bootstrapSamples);
        int classes = labels.size();
        ConfusionCounts.checkPredictions(gold, basePredicted, classes, "basePredicted");
        ConfusionCounts.checkPredictions(gold, tunedPredicted, classes, "tunedPredicted");

        double base = ConfusionCounts.macroF1(ConfusionCounts.count(gold, basePredicted, classes));
        double tuned = ConfusionCounts.macroF1(ConfusionCounts.count(gold, tunedPredicted, classes));
        double[] differences = new double[bootstrapSamples];
        double sum = 0;
        int tunedBetter = 0;
        BootstrapIndices resamples = new BootstrapIndices(gold.length, seed);
        int[][] baseCounts = new int[classes][classes];
        int[][] tunedCounts = new int[classes][classes];
        for (int b = 0; b < bootstrapSamples; b++) {
            int[] indices = resamples.next();
            ConfusionCounts.countInto(baseCounts, gold, basePredicted, indices);
            ConfusionCounts.countInto(tunedCounts, gold, tunedPredicted, indices);
            differences[b] = ConfusionCounts.macroF1(tunedCounts) - ConfusionCounts.macroF1(baseCounts);
            sum += differences[b];
            if (differences[b] > 0) {
                tunedBetter++;
            }
        }
        return new PairedComparison(gold.length, base, tuned, tuned - base, sum / bootstrapSamples,
                Interval.percentile(differences, Interval.LEVEL_95), (double) tunedBetter / bootstrapSamples, seed,
                bootstrapSamples);
    }
}
