package dev.enclave.report;

import dev.enclave.eval.ClassificationMetrics;
import java.util.List;

/**
 * Confusion matrix as a heatmap: rows gold, columns predicted, each cell the count of test examples. The colour
 * shows the cell's share of its gold row, blue on the diagonal (correct) and orange off it (errors), so rare
 * classes read as clearly as common ones.
 */
final class ConfusionHeatmap {

    private static final String EMPTY = "#f8fafc";
    private static final String CORRECT_LIGHT = "#dbeafe";
    private static final String CORRECT_DARK = "#1e40af";
    private static final String ERROR_LIGHT = "#ffedd5";
    private static final String ERROR_DARK = "#c2410c";
    private static final int MAX_LABEL_CHARS = 20;
    private static final double CHAR_WIDTH = 6.8;

    private ConfusionHeatmap() {
    }

    /** Width in pixels of the heatmap for these labels. */
    static double width(List<String> labels) {
        return new Layout(labels).width();
    }

    static String render(ClassificationMetrics metrics, String model) {
        List<String> labels = metrics.labels();
        int[][] counts = metrics.confusion();
        Layout layout = new Layout(labels);
        double cell = layout.cell();
        double left = layout.left();
        double top = Layout.TOP;
        Svg svg = new Svg(layout.width(), layout.height(),
                model + " model confusion matrix, rows gold labels, columns predictions");

        for (int g = 0; g < labels.size(); g++) {
            long rowTotal = 0;
            for (int count : counts[g]) {
                rowTotal += count;
            }
            double y = top + g * cell;
            svg.label(left - 8, y + cell / 2 + 4, labels.get(g), "end", "category", MAX_LABEL_CHARS, 0);
            for (int p = 0; p < labels.size(); p++) {
                double share = rowTotal == 0 ? 0 : (double) counts[g][p] / rowTotal;
                String fill = counts[g][p] == 0 ? EMPTY
                        : g == p ? Palette.blend(CORRECT_LIGHT, CORRECT_DARK, share)
                                : Palette.blend(ERROR_LIGHT, ERROR_DARK, share);
                double x = left + p * cell;
                svg.rect(x, y, cell, cell, "cell", fill, "gold " + labels.get(g) + ", predicted " + labels.get(p)
                        + ": " + Fmt.count(counts[g][p]) + (rowTotal == 0 ? "" : " (" + Fmt.percent(share)
                                + " of gold " + labels.get(g) + ")"));
                String text = Fmt.compact(counts[g][p]);
                if (cell >= 24 && text.length() * 7 < cell) {
                    String style = counts[g][p] == 0 ? "cell-text zero"
                            : share > 0.5 ? "cell-text dark" : "cell-text";
                    svg.text(x + cell / 2, y + cell / 2 + 4, text, "middle", style, 0);
                }
            }
        }
        double gridBottom = top + layout.gridSize();
        for (int p = 0; p < labels.size(); p++) {
            double x = left + p * cell + cell / 2;
            if (layout.rotateColumns()) {
                svg.label(x + 4, gridBottom + 10, labels.get(p), "end", "category", MAX_LABEL_CHARS, -45);
            } else {
                svg.label(x, gridBottom + 16, labels.get(p), "middle", "category", MAX_LABEL_CHARS, 0);
            }
        }
        svg.text(left + layout.gridSize() / 2, layout.height() - 8, "Predicted label", "middle", "axis-title", 0);
        svg.text(14, top + layout.gridSize() / 2, "Gold label", "middle", "axis-title", -90);
        return svg.toString();
    }

    /** Sizes derived from the number and length of the labels. */
    private record Layout(int classes, int longest) {
        static final double TOP = 10;

        Layout(List<String> labels) {
            this(labels.size(), Math.min(MAX_LABEL_CHARS, labels.stream().mapToInt(String::length).max().orElse(1)));
        }

        double cell() {
            return Math.max(22, Math.min(56, 400.0 / classes));
        }

        double gridSize() {
            return cell() * classes;
        }

        boolean rotateColumns() {
            return longest * CHAR_WIDTH > cell() - 4;
        }

        double left() {
            return 42 + CHAR_WIDTH * longest;
        }

        double width() {
            return Math.max(left() + gridSize() + 16, 260);
        }

        double height() {
            double columnLabels = rotateColumns() ? 12 + 0.72 * CHAR_WIDTH * longest : 22;
            return TOP + gridSize() + columnLabels + 30;
        }
    }
}
