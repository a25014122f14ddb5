package dev.enclave.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Weighted statistics, paired intervals and the direction of "better". */
class MetricComparisonTest {
    @Test
    void perplexityIsTheExponentialOfTheTokenWeightedMeanLoss() {
        double[] base = {2.0, 1.0, Double.NaN};
        double[] tuned = {1.0, 0.5, Double.NaN};
        double[] tokens = {3, 1, 0};
        MetricComparison perplexity = MetricComparison.of("perplexity", false, base, tuned, tokens, Math::exp, 1,
                200);
        assertEquals(Math.exp((2.0 * 3 + 1.0) / 4), perplexity.base(), 1e-12);
        assertEquals(Math.exp((1.0 * 3 + 0.5) / 4), perplexity.tuned(), 1e-12);
        assertEquals(perplexity.tuned() - perplexity.base(), perplexity.difference(), 1e-12);
        assertEquals(1.0, perplexity.fractionTunedBetter(), "lower is better and tuned is lower on every example");
        assertTrue(perplexity.differenceInterval().high() < 0);
        assertTrue(perplexity.baseInterval().contains(perplexity.base()));
    }

    @Test
    void equalModelsHaveAZeroDifference() {
        double[] values = {1, 0, 1, 1, 0};
        MetricComparison same = MetricComparison.of("exact_match", true, values, values,
                MetricComparison.ones(values.length), x -> x, 3, 100);
        assertEquals(0.6, same.base(), 1e-12);
        assertEquals(new Interval(0, 0), same.differenceInterval());
        assertEquals(0, same.fractionTunedBetter());
    }
}
