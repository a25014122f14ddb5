package dev.enclave.report;

import dev.enclave.eval.Interval;
import java.util.List;

/** Bars of accuracy and macro-F1 for the base and tuned models, each with its 95% interval as a whisker. */
final class MetricBarChart {

    private static final double WIDTH = 460;
    private static final double HEIGHT = 310;
    private static final double LEFT = 48;
    private static final double RIGHT = 12;
    private static final double TOP = 44;
    private static final double BOTTOM = 36;
    private static final double BAR = 58;
    private static final double GAP = 10;

    private MetricBarChart() {
    }

    /** The chart of one or two models. */
    static String render(List<ModelSeries> bars) {
        Svg svg = new Svg(WIDTH, HEIGHT, "Accuracy and macro-F1 with 95% intervals");
        double plotHeight = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 5; i++) {
            double value = i / 5.0;
            double y = HEIGHT - BOTTOM - value * plotHeight;
            svg.line(LEFT, y, WIDTH - RIGHT, y, i == 0 ? "axis" : "grid");
            svg.text(LEFT - 8, y + 4, Fmt.tick(value, 0.2), "end", "tick", 0);
        }
        String[] metrics = {"Accuracy", "Macro-F1"};
        double groupWidth = (WIDTH - LEFT - RIGHT) / metrics.length;
        for (int g = 0; g < metrics.length; g++) {
            double groupCentre = LEFT + groupWidth * (g + 0.5);
            double x = groupCentre - (bars.size() * BAR + (bars.size() - 1) * GAP) / 2;
            for (ModelSeries bar : bars) {
                double value = g == 0 ? bar.metrics().accuracy() : bar.metrics().macroF1();
                Interval interval = g == 0 ? bar.metrics().accuracyInterval() : bar.metrics().macroF1Interval();
                double top = HEIGHT - BOTTOM - value * plotHeight;
                double centre = x + BAR / 2;
                svg.rect(x, top, BAR, value * plotHeight, null, bar.colour(), bar.name() + " " + metrics[g]
                        + " " + Fmt.metric3(value) + ", 95% interval " + Fmt.interval(interval));
                double low = HEIGHT - BOTTOM - interval.low() * plotHeight;
                double high = HEIGHT - BOTTOM - interval.high() * plotHeight;
                svg.line(centre, low, centre, high, "whisker");
                svg.line(centre - 9, low, centre + 9, low, "whisker");
                svg.line(centre - 9, high, centre + 9, high, "whisker");
                svg.text(centre, Math.min(high, top) - 6, Fmt.metric(value), "middle", "value", 0);
                x += BAR + GAP;
            }
            svg.text(groupCentre, HEIGHT - BOTTOM + 22, metrics[g], "middle", "category", 0);
        }
        double legendX = LEFT;
        for (ModelSeries bar : bars) {
            svg.rect(legendX, 10, 12, 12, null, bar.colour(), null);
            svg.text(legendX + 18, 20, bar.name() + " model", "start", "legend", 0);
            legendX += 110;
        }
        svg.line(legendX, 16, legendX + 14, 16, "whisker");
        svg.text(legendX + 20, 20, "95% interval", "start", "legend", 0);
        return svg.toString();
    }
}
