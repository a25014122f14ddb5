package dev.enclave.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final double EPS = 1e-12;
    private static final List<String> LABELS = List.of("A", "B", "C", "D", "E");
    // Worked by hand: rows gold A..E, columns predicted A..E
    //   A: 3 1 0 0 0   B: 0 1 1 0 0   C: 1 0 2 1 0   D and E: no gold examples; D is predicted once, E never.
    private static final int[] GOLD = {0, 0, 0, 1, 1, 2, 2, 2, 2, 0};
    private static final int[] PREDICTED = {0, 0, 1, 1, 2, 2, 2, 0, 3, 0};

    @Test
    void matchesHandComputedCaseWithZeroSupportClasses() {
        ClassificationMetrics m = ClassificationMetrics.of(GOLD, PREDICTED, LABELS, 7, 200);

        assertEquals(10, m.examples());
        assertEquals(0.6, m.accuracy(), EPS);
        assertArrayEquals(new int[][] {
                {3, 1, 0, 0, 0}, {0, 1, 1, 0, 0}, {1, 0, 2, 1, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}, m.confusion());
        assertClass(m.perClass().get(0), "A", 0.75, 0.75, 0.75, 4, 4);
        assertClass(m.perClass().get(1), "B", 0.5, 0.5, 0.5, 2, 2);
        assertClass(m.perClass().get(2), "C", 2.0 / 3, 0.5, 4.0 / 7, 4, 3);
        // zero support but predicted once: precision 0 (the prediction is wrong), recall 0/0 -> 0, F1 0, averaged
        assertClass(m.perClass().get(3), "D", 0, 0, 0, 0, 1);
        assertTrue(m.perClass().get(3).inMacroAverage());
        // neither in gold nor predicted: all 0 and left out of macro-F1
        assertClass(m.perClass().get(4), "E", 0, 0, 0, 0, 0);
        assertFalse(m.perClass().get(4).inMacroAverage());
        assertEquals((0.75 + 0.5 + 4.0 / 7 + 0) / 4, m.macroF1(), EPS);
        assertEquals(51.0 / 112, m.macroF1(), EPS);
    }

    @Test
    void perfectPredictionsGiveDegenerateIntervalsAtOne() {
        int[] gold = {0, 1, 2, 1, 0, 2};
        ClassificationMetrics m = ClassificationMetrics.of(gold, gold.clone(), List.of("x", "y", "z"), 1, 100);
        assertEquals(1.0, m.accuracy(), EPS);
        assertEquals(1.0, m.macroF1(), EPS);
        assertEquals(new Interval(1, 1), m.accuracyInterval());
        assertEquals(new Interval(1, 1), m.macroF1Interval());
    }

    @Test
    void intervalsContainThePointEstimateAndNarrowWithMoreData() {
        int[][] small = noisyPredictions(300, 4, 0.3, 11);
        int[][] large = noisyPredictions(4800, 4, 0.3, 11);
        List<String> labels = List.of("a", "b", "c", "d");
        ClassificationMetrics few = ClassificationMetrics.of(small[0], small[1], labels, 3);
        ClassificationMetrics many = ClassificationMetrics.of(large[0], large[1], labels, 3);

        for (ClassificationMetrics m : List.of(few, many)) {
            assertTrue(m.accuracyInterval().contains(m.accuracy()), m.toString());
            assertTrue(m.macroF1Interval().contains(m.macroF1()), m.toString());
            assertTrue(m.accuracyInterval().width() > 0, m.toString());
        }
        // 16 times the data: the interval should be about 4 times narrower
        assertTrue(many.accuracyInterval().width() < few.accuracyInterval().width() / 2.5,
                few.accuracyInterval() + " vs " + many.accuracyInterval());
        assertTrue(many.macroF1Interval().width() < few.macroF1Interval().width() / 2.5,
                few.macroF1Interval() + " vs " + many.macroF1Interval());
        // a 95% interval of an accuracy near 0.7 on 300 examples is roughly +-0.05
        assertEquals(0.104, few.accuracyInterval().width(), 0.03);
    }

    @Test
    void sameSeedGivesSameIntervalsAndAnotherSeedDiffers() {
        int[][] data = noisyPredictions(200, 3, 0.4, 5);
        List<String> labels = List.of("a", "b", "c");
        ClassificationMetrics first = ClassificationMetrics.of(data[0], data[1], labels, 42);
        assertEquals(first, ClassificationMetrics.of(data[0], data[1], labels, 42));
        assertNotEquals(first.macroF1Interval(), ClassificationMetrics.of(data[0], data[1], labels, 43)
                .macroF1Interval());
        assertEquals(ClassificationMetrics.DEFAULT_BOOTSTRAP_SAMPLES, first.bootstrapSamples());
    }

    @Test
    void rejectsBadInputNamingThePosition() {
        List<String> labels = List.of("a", "b");
        IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[] {0, 1, 1}, new int[] {0, 2, 1}, labels, 1));
        assertEquals("predicted[1] = 2 is not a class index (0..1)", outOfRange.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[] {0, 1}, new int[] {0}, labels, 1));
        assertEquals("gold has 2 examples but predicted has 1", length.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[0], new int[0], labels, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[] {0}, new int[] {0}, List.of("a", "a"), 1));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(new int[] {0}, new int[] {0}, labels, 1, 0));
    }

    @Test
    void confusionMatrixCannotBeChangedFromOutside() {
        ClassificationMetrics m = ClassificationMetrics.of(GOLD, PREDICTED, LABELS, 7, 10);
        m.confusion()[0][0] = 99;
        assertEquals(3, m.confusion()[0][0]);
    }

    @Test
    void roundTripsThroughJsonUnderComponentNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ClassificationMetrics m = ClassificationMetrics.of(GOLD, PREDICTED, LABELS, 7, 50);
        String text = json.writeValueAsString(m);
        JsonNode tree = json.readTree(text);

        assertEquals(0.6, tree.get("accuracy").asDouble(), EPS);
        assertTrue(tree.get("macroF1Interval").has("low"), text);
        assertEquals(3, tree.get("confusion").get(0).get(0).asInt());
        assertEquals("C", tree.get("perClass").get(2).get("label").asText());
        assertFalse(tree.get("perClass").get(2).has("inMacroAverage"), "derived values are not serialised: " + text);
        assertFalse(tree.get("accuracyInterval").has("width"), text);
        assertEquals(m, json.readValue(text, ClassificationMetrics.class));
    }

    /** Gold labels uniform over {@code classes}; each prediction wrong with probability {@code error}. */
    static int[][] noisyPredictions(int examples, int classes, double error, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] gold = new int[examples];
        for (int i = 0; i < examples; i++) {
            gold[i] = random.nextInt(classes);
        }
        return new int[][] {gold, corrupt(gold, classes, error, seed + 1)};
    }

    /** A copy of {@code gold} in which each entry is replaced by another class with probability {@code error}. */
    static int[] corrupt(int[] gold, int classes, double error, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] predicted = new int[gold.length];
        for (int i = 0; i < gold.length; i++) {
            predicted[i] = random.nextDouble() < error
                    ? (gold[i] + 1 + random.nextInt(classes - 1)) % classes
                    : gold[i];
        }
        return predicted;
    }

    private static void assertClass(ClassMetrics c, String label, double precision, double recall, double f1,
            int support, int predicted) {
        assertEquals(label, c.label());
        assertEquals(precision, c.precision(), EPS, label + " precision");
        assertEquals(recall, c.recall(), EPS, label + " recall");
        assertEquals(f1, c.f1(), EPS, label + " f1");
        assertEquals(support, c.support(), label + " support");
        assertEquals(predicted, c.predicted(), label + " predicted");
    }
}
