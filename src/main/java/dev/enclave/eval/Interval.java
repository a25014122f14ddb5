package dev.enclave.eval;

import java.util.Arrays;

/**
 * A closed interval {@code [low, high]}, here a 95% bootstrap percentile confidence interval.
 *
 * @param low  lower end
 * @param high upper end, not below {@code low}
 */
public record Interval(double low, double high) {

    /** Coverage of the intervals this package reports. */
    public static final double LEVEL_95 = 0.95;

    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("interval needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    /**
     * The percentile interval of bootstrap replicates: the {@code (1 - level) / 2} and {@code (1 + level) / 2}
     * quantiles, each interpolated linearly between neighbouring order statistics.
     *
     * @param replicates one statistic per bootstrap resample; not modified
     * @param level      coverage, between 0 and 1 exclusive
     */
    public static Interval percentile(double[] replicates, double level) {
        if (replicates.length == 0) {
            throw new IllegalArgumentException("percentile interval needs at least one replicate");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie strictly between 0 and 1, got " + level);
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        return new Interval(quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2));
    }

    /** Whether {@code value} lies in the interval, ends included. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** {@code high - low}. */
    public double width() {
        return high - low;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
