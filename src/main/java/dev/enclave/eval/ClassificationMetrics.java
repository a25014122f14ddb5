package dev.enclave.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Single-label classification metrics of one model on one test set, with 95% bootstrap percentile intervals.
 *
 * <p>Conventions: a per-class ratio whose denominator is 0 is 0 (see {@link ClassMetrics}); macro-F1 is the mean
 * F1 over the classes that occur in the gold labels or in the predictions, so a class absent from both does not
 * pull the average down (a class with zero support that the model nevertheless predicts counts, with F1 0). The
 * intervals resample the examples with replacement {@code bootstrapSamples} times from a {@link
 * java.util.SplittableRandom} seeded with {@code seed}; two models evaluated with the same seed and test set see
 * the same resamples.
 *
 * <p>Serialises to JSON with Jackson under the component names. Equality compares the confusion matrix by content.
 *
 * @param labels           class names; index {@code i} names class {@code i}
 * @param examples         test examples
 * @param accuracy         fraction predicted correctly
 * @param accuracyInterval 95% bootstrap interval of the accuracy
 * @param macroF1          mean per-class F1 (see above)
 * @param macroF1Interval  95% bootstrap interval of the macro-F1
 * @param perClass         one entry per label, in label order
 * @param confusion        counts, {@code confusion[gold][predicted]}
 * @param seed             bootstrap seed
 * @param bootstrapSamples bootstrap resamples
 */
public record ClassificationMetrics(
        List<String> labels,
        int examples,
        double accuracy,
        Interval accuracyInterval,
        double macroF1,
        Interval macroF1Interval,
        List<ClassMetrics> perClass,
        int[][] confusion,
        long seed,
        int bootstrapSamples) {

    /** Resamples used when the caller does not say. */
    public static final int DEFAULT_BOOTSTRAP_SAMPLES = 1000;

    public ClassificationMetrics {
        labels = List.copyOf(labels);
        perClass = List.copyOf(perClass);
        confusion = deepCopy(confusion);
        if (perClass.size() != labels.size() || confusion.length != labels.size()) {
            throw new IllegalArgumentException("perClass and confusion need one entry per label (" + labels.size()
                    + "), got " + perClass.size() + " and " + confusion.length);
        }
        for (int[] row : confusion) {
            if (row.length != labels.size()) {
                throw new IllegalArgumentException("confusion must be square, " + labels.size() + " x "
                        + labels.size());
            }
        }
    }

    /** Metrics with {@link #DEFAULT_BOOTSTRAP_SAMPLES} resamples. */
    public static ClassificationMetrics of(int[] gold, int[] predicted, List<String> labels, long seed) {
        return of(gold, predicted, labels, seed, DEFAULT_BOOTSTRAP_SAMPLES);
    }

    /**
     * Computes the metrics of {@code predicted} against {@code gold}.
     *
     * @param gold             gold class index per example
     * @param predicted        predicted class index per example, same length
     * @param labels           distinct class names; indices must lie below {@code labels.size()}
     * @param seed             seed of the bootstrap
     * @param bootstrapSamples resamples for the intervals, at least 1
     * @throws IllegalArgumentException naming the offending array and position
     */
    public static ClassificationMetrics of(int[] gold, int[] predicted, List<String> labels, long seed,
            int bootstrapSamples) {
        BootstrapIndices.checkLabels(labels);
        BootstrapIndices.checkSamples(bootstrapSamples);
        int classes = labels.size();
        ConfusionCounts.checkPredictions(gold, predicted, classes, "predicted");

        int[][] confusion = ConfusionCounts.count(gold, predicted, classes);
        double[] accuracies = new double[bootstrapSamples];
        double[] macroF1s = new double[bootstrapSamples];
        BootstrapIndices resamples = new BootstrapIndices(gold.length, seed);
        int[][] resampled = new int[classes][classes];
        for (int b = 0; b < bootstrapSamples; b++) {
            ConfusionCounts.countInto(resampled, gold, predicted, resamples.next());
            accuracies[b] = ConfusionCounts.accuracy(resampled);
            macroF1s[b] = ConfusionCounts.macroF1(resampled);
        }
        return new ClassificationMetrics(labels, gold.length,
                ConfusionCounts.accuracy(confusion), Interval.percentile(accuracies, Interval.LEVEL_95),
                ConfusionCounts.macroF1(confusion), Interval.percentile(macroF1s, Interval.LEVEL_95),
                ConfusionCounts.perClass(confusion, labels), confusion, seed, bootstrapSamples);
    }

    /** A copy of the confusion matrix, {@code [gold][predicted]}. */
    @Override
    public int[][] confusion() {
        return deepCopy(confusion);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassificationMetrics that
                && labels.equals(that.labels)
                && examples == that.examples
                && Double.compare(accuracy, that.accuracy) == 0
                && accuracyInterval.equals(that.accuracyInterval)
                && Double.compare(macroF1, that.macroF1) == 0
                && macroF1Interval.equals(that.macroF1Interval)
                && perClass.equals(that.perClass)
                && Arrays.deepEquals(confusion, that.confusion)
                && seed == that.seed
                && bootstrapSamples == that.bootstrapSamples;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(labels, examples, accuracy, accuracyInterval, macroF1, macroF1Interval,
                perClass, seed, bootstrapSamples) + Arrays.deepHashCode(confusion);
    }

    @Override
    public String toString() {
        return "ClassificationMetrics[examples=" + examples + ", accuracy=" + accuracy + " " + accuracyInterval
                + ", macroF1=" + macroF1 + " " + macroF1Interval + ", labels=" + labels + ", confusion="
                + Arrays.deepToString(confusion) + "]";
    }

    private static int[][] deepCopy(int[][] matrix) {
        int[][] copy = new int[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
