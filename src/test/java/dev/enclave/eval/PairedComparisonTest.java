package dev.enclave.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void betterTunedModelGivesPositiveDifferenceWithIntervalAboveZero() {
        int[] gold = ClassificationMetricsTest.noisyPredictions(400, 3, 0, 9)[0];
        int[] tuned = ClassificationMetricsTest.corrupt(gold, 3, 0.1, 10);
        int[] base = ClassificationMetricsTest.corrupt(gold, 3, 0.5, 11);

        PairedComparison c = PairedComparison.of(gold, base, tuned, LABELS, 4);
        assertEquals(ClassificationMetrics.of(gold, tuned, LABELS, 4).macroF1(), c.tunedMacroF1(), 1e-12);
        assertEquals(ClassificationMetrics.of(gold, base, LABELS, 4).macroF1(), c.baseMacroF1(), 1e-12);
        assertEquals(c.tunedMacroF1() - c.baseMacroF1(), c.difference(), 1e-12);
        assertTrue(c.difference() > 0.2, c.toString());
        assertTrue(c.differenceInterval().low() > 0, c.toString());
        assertTrue(c.differenceInterval().contains(c.difference()), c.toString());
        assertEquals(c.difference(), c.meanDifference(), 0.02);
        assertEquals(1.0, c.fractionTunedBetter(), 1e-12);
    }

    @Test
    void swappingTheModelsMirrorsTheResult() {
        int[][] one = ClassificationMetricsTest.noisyPredictions(150, 3, 0.3, 2);
        int[] other = ClassificationMetricsTest.corrupt(one[0], 3, 0.35, 3);
        PairedComparison forward = PairedComparison.of(one[0], one[1], other, LABELS, 8, 500);
        PairedComparison backward = PairedComparison.of(one[0], other, one[1], LABELS, 8, 500);

        assertEquals(-forward.difference(), backward.difference(), 1e-12);
        assertEquals(-forward.meanDifference(), backward.meanDifference(), 1e-12);
        assertEquals(-forward.differenceInterval().high(), backward.differenceInterval().low(), 1e-12);
        assertEquals(-forward.differenceInterval().low(), backward.differenceInterval().high(), 1e-12);
    }

    @Test
    void identicalPredictionsDifferByExactlyZero() {
        int[][] data = ClassificationMetricsTest.noisyPredictions(100, 3, 0.3, 6);
        PairedComparison c = PairedComparison.of(data[0], data[1], data[1].clone(), LABELS, 1, 200);
        assertEquals(0.0, c.difference());
        assertEquals(new Interval(0, 0), c.differenceInterval());
        assertEquals(0.0, c.fractionTunedBetter());
    }

    @Test
    void namesTheModelWhosePredictionsAreBad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of(new int[] {0, 1}, new int[] {0, 1}, new int[] {0, -1}, LABELS, 1));
        assertEquals("tunedPredicted[1] = -1 is not a class index (0..2)", e.getMessage());
    }
}
