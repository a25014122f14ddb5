package dev.enclave.eval;

import java.util.function.DoubleUnaryOperator;

/**
 * One metric of the base and the tuned model on the same test examples, each with a 95% bootstrap interval, and their
 * paired difference: every resample draws one set of example indices and scores both models on it. The metric is
 * {@code transform(Σ wᵢ·vᵢ / Σ wᵢ)} over per-example values v and weights w, so a plain mean (weights 1), a
 * token-weighted mean loss (weights = tokens) and a perplexity (token-weighted mean loss, then {@code exp}) share the
 * code. An example of weight 0 (e.g. with no scored token, value NaN) is left out.
 *
 * @param metric name, e.g. {@code perplexity}
 * @param higherIsBetter whether a larger value is better (false for loss and perplexity)
 * @param examples test examples scored
 * @param base the base model's value on all examples
 * @param baseInterval its 95% interval
 * @param tuned the tuned model's value
 * @param tunedInterval its 95% interval
 * @param difference {@code tuned - base}
 * @param differenceInterval 95% paired bootstrap interval of the difference
 * @param fractionTunedBetter share of resamples in which the tuned model was strictly better
 * @param seed bootstrap seed
 * @param bootstrapSamples resamples
 */
public record MetricComparison(
        String metric,
        boolean higherIsBetter,
        int examples,
        double base,
        Interval baseInterval,
        double tuned,
        Interval tunedInterval,
        double difference,
        Interval differenceInterval,
        double fractionTunedBetter,
        long seed,
        int bootstrapSamples) {

    /**
     * Compares two models' per-example values.
     *
     * @param metric the metric's name
     * @param higherIsBetter whether larger is better
     * @param baseValues the base model's value per example
     * @param tunedValues the tuned model's value per example, same examples in the same order
     * @param weights weight per example (e.g. tokens), not negative; at least one positive in every resample that
     *     counts (a resample of zero weight gives NaN and is left out of the intervals)
     * @param transform applied to the weighted mean (identity, or {@code Math::exp} for perplexity)
     * @param seed bootstrap seed
     * @param bootstrapSamples resamples, at least 1
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    public static MetricComparison of(String metric, boolean higherIsBetter, double[] baseValues,
            double[] tunedValues, double[] weights, DoubleUnaryOperator transform, long seed, int bootstrapSamples) {
        BootstrapIndices.checkSamples(bootstrapSamples);
        int n = baseValues.length;
        if (n == 0 || tunedValues.length != n || weights.length != n) {
            throw new IllegalArgumentException(metric + ": need equally long, non-empty arrays, got base "
                    + n + ", tuned " + tunedValues.length + ", weights " + weights.length);
        }
        double base = statistic(baseValues, weights, null, transform);
        double tuned = statistic(tunedValues, weights, null, transform);
        double[] baseReplicates = new double[bootstrapSamples];
        double[] tunedReplicates = new double[bootstrapSamples];
        double[] differences = new double[bootstrapSamples];
        int kept = 0;
        int better = 0;
        BootstrapIndices resamples = new BootstrapIndices(n, seed);
        for (int b = 0; b < bootstrapSamples; b++) {
            int[] indices = resamples.next();
            double baseValue = statistic(baseValues, weights, indices, transform);
            double tunedValue = statistic(tunedValues, weights, indices, transform);
            if (Double.isNaN(baseValue) || Double.isNaN(tunedValue)) {
                continue;
            }
            baseReplicates[kept] = baseValue;
            tunedReplicates[kept] = tunedValue;
            differences[kept] = tunedValue - baseValue;
            kept++;
            if (higherIsBetter ? tunedValue > baseValue : tunedValue < baseValue) {
                better++;
            }
        }
        if (kept == 0 || Double.isNaN(base) || Double.isNaN(tuned)) {
            throw new IllegalArgumentException(metric + ": every example has weight 0");
        }
        return new MetricComparison(metric, higherIsBetter, n, base,
                Interval.percentile(java.util.Arrays.copyOf(baseReplicates, kept), Interval.LEVEL_95), tuned,
                Interval.percentile(java.util.Arrays.copyOf(tunedReplicates, kept), Interval.LEVEL_95),
                tuned - base, Interval.percentile(java.util.Arrays.copyOf(differences, kept), Interval.LEVEL_95),
                (double) better / kept, seed, bootstrapSamples);
    }

    /** Weights of 1 for every example. */
    public static double[] ones(int examples) {
        double[] ones = new double[examples];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static double statistic(double[] values, double[] weights, int[] indices, DoubleUnaryOperator transform) {
        double sum = 0;
        double weight = 0;
        int n = indices == null ? values.length : indices.length;
        for (int k = 0; k < n; k++) {
            int i = indices == null ? k : indices[k];
            if (weights[i] == 0) {
                continue;
            }
            sum += weights[i] * values[i];
            weight += weights[i];
        }
        return weight > 0 ? transform.applyAsDouble(sum / weight) : Double.NaN;
    }
}
