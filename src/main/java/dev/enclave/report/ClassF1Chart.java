package dev.enclave.report;

import dev.enclave.eval.ClassMetrics;
import java.util.List;

/** Horizontal bars of per-class F1, base and tuned side by side for each class. */
final class ClassF1Chart {

    private static final double WIDTH = 760;
    private static final double TOP = 40;
    private static final double BOTTOM = 40;
    private static final double RIGHT = 48;
    private static final double BAR = 13;
    private static final double ROW_GAP = 12;
    private static final int MAX_LABEL_CHARS = 26;

    private ClassF1Chart() {
    }

    /** The chart of one or two models over the same labels. */
    static String render(List<ModelSeries> models) {
        List<String> labels = models.get(0).metrics().labels();
        int classes = labels.size();
        double rowHeight = models.size() * BAR + ROW_GAP;
        double left = 16 + 7 * Math.min(MAX_LABEL_CHARS, labels.stream().mapToInt(String::length).max().orElse(1));
        double plotWidth = WIDTH - left - RIGHT;
        double height = TOP + classes * rowHeight + BOTTOM;
        Svg svg = new Svg(WIDTH, height, "F1 per class");

        double axisY = height - BOTTOM;
        for (int i = 0; i <= 5; i++) {
            double x = left + i / 5.0 * plotWidth;
            svg.line(x, TOP - 4, x, axisY, i == 0 ? "axis" : "grid");
            svg.text(x, axisY + 16, Fmt.tick(i / 5.0, 0.2), "middle", "tick", 0);
        }
        svg.text(left + plotWidth / 2, height - 6, "F1", "middle", "axis-title", 0);
        for (int c = 0; c < classes; c++) {
            double rowTop = TOP + c * rowHeight + ROW_GAP / 2;
            svg.label(left - 8, rowTop + models.size() * BAR / 2 + 4, labels.get(c), "end", "category",
                    MAX_LABEL_CHARS, 0);
            for (int m = 0; m < models.size(); m++) {
                bar(svg, left, rowTop + m * BAR, plotWidth, models.get(m), c);
            }
        }
        double legendX = left;
        for (ModelSeries model : models) {
            svg.rect(legendX, 12, 12, 12, null, model.colour(), null);
            svg.text(legendX + 18, 22, model.name() + " model", "start", "legend", 0);
            legendX += 110;
        }
        return svg.toString();
    }

    private static void bar(Svg svg, double left, double y, double plotWidth, ModelSeries model, int label) {
        ClassMetrics metrics = model.metrics().perClass().get(label);
        double length = metrics.f1() * plotWidth;
        svg.rect(left, y + 1, length, BAR - 2, null, model.colour(), model.name() + " F1 for " + metrics.label() + ": "
                + Fmt.metric3(metrics.f1()) + " (precision " + Fmt.metric3(metrics.precision()) + ", recall "
                + Fmt.metric3(metrics.recall()) + ", support " + Fmt.count(metrics.support()) + ")");
        String value = metrics.inMacroAverage() ? Fmt.metric(metrics.f1()) : "no test examples, never predicted";
        svg.text(left + length + 5, y + BAR - 2.5, value, "start", "bar-value", 0);
    }
}
