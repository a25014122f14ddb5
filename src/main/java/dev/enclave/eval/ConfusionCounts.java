package dev.enclave.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Confusion-matrix arithmetic shared by the metrics and the bootstrap; rows are gold, columns predicted. */
final class ConfusionCounts {

    private ConfusionCounts() {
    }

    /** Checks that both arrays are non-empty, equally long and hold class indices below {@code classes}. */
    static void checkPredictions(int[] gold, int[] predicted, int classes, String predictedName) {
        if (gold.length == 0) {
            throw new IllegalArgumentException("no examples: gold is empty");
        }
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold has " + gold.length + " examples but " + predictedName + " has "
                    + predicted.length);
        }
        checkRange(gold, classes, "gold");
        checkRange(predicted, classes, predictedName);
    }

    /** Counts every example once. */
    static int[][] count(int[] gold, int[] predicted, int classes) {
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < gold.length; i++) {
            counts[gold[i]][predicted[i]]++;
        }
        return counts;
    }

    /** Counts the examples at {@code indices} (with repeats) into {@code counts}, which is cleared first. */
    static void countInto(int[][] counts, int[] gold, int[] predicted, int[] indices) {
        for (int[] row : counts) {
            Arrays.fill(row, 0);
        }
        for (int index : indices) {
            counts[gold[index]][predicted[index]]++;
        }
    }

    static double accuracy(int[][] counts) {
        long correct = 0;
        long total = 0;
        for (int g = 0; g < counts.length; g++) {
            for (int p = 0; p < counts.length; p++) {
                total += counts[g][p];
            }
            correct += counts[g][g];
        }
        return (double) correct / total;
    }

    /** Mean F1 over the classes that occur in the gold labels or the predictions. */
    static double macroF1(int[][] counts) {
        double sum = 0;
        int averaged = 0;
        for (int c = 0; c < counts.length; c++) {
            int support = rowSum(counts, c);
            int predicted = columnSum(counts, c);
            if (support > 0 || predicted > 0) {
                sum += f1(precision(counts[c][c], predicted), recall(counts[c][c], support));
                averaged++;
            }
        }
        return sum / averaged;
    }

    static List<ClassMetrics> perClass(int[][] counts, List<String> labels) {
        List<ClassMetrics> metrics = new ArrayList<>(labels.size());
        for (int c = 0; c < counts.length; c++) {
            int support = rowSum(counts, c);
            int predicted = columnSum(counts, c);
            double precision = precision(counts[c][c], predicted);
            double recall = recall(counts[c][c], support);
            metrics.add(new ClassMetrics(labels.get(c), precision, recall, f1(precision, recall), support, predicted));
        }
        return List.copyOf(metrics);
    }

    private static double precision(int truePositives, int predicted) {
        return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    private static double recall(int truePositives, int support) {
        return support == 0 ? 0 : (double) truePositives / support;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static int rowSum(int[][] counts, int row) {
        int sum = 0;
        for (int value : counts[row]) {
            sum += value;
        }
        return sum;
    }

    private static int columnSum(int[][] counts, int column) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[column];
        }
        return sum;
    }

    private static void checkRange(int[] classIndices, int classes, String name) {
        for (int i = 0; i < classIndices.length; i++) {
            if (classIndices[i] < 0 || classIndices[i] >= classes) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + classIndices[i]
                        + " is not a class index (0.." + (classes - 1) + ")");
            }
        }
    }
}
