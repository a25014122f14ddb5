package dev.enclave.report;

import java.util.List;

/** Line chart of loss against step for one or more curves, with axes, ticks, grid and legend. */
final class LossChart {

    private static final double WIDTH = 760;
    private static final double HEIGHT = 340;
    private static final double LEFT = 64;
    private static final double RIGHT = 24;
    private static final double TOP = 44;
    private static final double BOTTOM = 50;
    private static final int MAX_MARKED_POINTS = 30;

    private LossChart() {
    }

    /** The chart of the non-empty curves; the caller makes sure there is at least one. */
    static String render(List<LossCurve> curves) {
        List<LossCurve> drawn = curves.stream().filter(curve -> !curve.points().isEmpty()).toList();
        double minStep = Double.POSITIVE_INFINITY;
        double maxStep = Double.NEGATIVE_INFINITY;
        double minLoss = Double.POSITIVE_INFINITY;
        double maxLoss = Double.NEGATIVE_INFINITY;
        for (LossCurve curve : drawn) {
            for (LossPoint point : curve.points()) {
                minStep = Math.min(minStep, point.step());
                maxStep = Math.max(maxStep, point.step());
                minLoss = Math.min(minLoss, point.loss());
                maxLoss = Math.max(maxLoss, point.loss());
            }
        }
        // Start the loss axis at 0 unless the curves stay far above it, where 0 would flatten them.
        double floor = minLoss >= 0 && minLoss < 0.4 * maxLoss ? 0 : minLoss;
        Ticks xTicks = Ticks.covering(minStep, maxStep, 8, true);
        Ticks yTicks = Ticks.covering(floor, maxLoss, 6, false);
        Plot plot = new Plot(xTicks, yTicks);

        Svg svg = new Svg(WIDTH, HEIGHT, "Loss against training step for " + names(drawn));
        for (double y : yTicks.values()) {
            svg.line(LEFT, plot.y(y), WIDTH - RIGHT, plot.y(y), "grid");
            svg.text(LEFT - 8, plot.y(y) + 4, yTicks.label(y), "end", "tick", 0);
        }
        for (double x : xTicks.values()) {
            svg.line(plot.x(x), HEIGHT - BOTTOM, plot.x(x), HEIGHT - BOTTOM + 5, "axis");
            svg.text(plot.x(x), HEIGHT - BOTTOM + 19, xTicks.label(x), "middle", "tick", 0);
        }
        svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "axis");
        svg.line(LEFT, TOP - 6, LEFT, HEIGHT - BOTTOM, "axis");
        svg.text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 10, "Training step", "middle", "axis-title", 0);
        svg.text(16, (TOP + HEIGHT - BOTTOM) / 2, "Loss", "middle", "axis-title", -90);

        double legendX = LEFT;
        for (int c = 0; c < drawn.size(); c++) {
            LossCurve curve = drawn.get(c);
            String colour = Palette.series(curve.name(), c);
            List<LossPoint> points = curve.points();
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                xs[i] = plot.x(points.get(i).step());
                ys[i] = plot.y(points.get(i).loss());
            }
            if (points.size() > 1) {
                svg.polyline(xs, ys, colour, curve.name());
            }
            if (points.size() <= MAX_MARKED_POINTS) {
                for (int i = 0; i < points.size(); i++) {
                    svg.circle(xs[i], ys[i], 3, colour, curve.name() + ", step " + Fmt.count(points.get(i).step())
                            + ": loss " + Fmt.metric3(points.get(i).loss()));
                }
            }
            svg.rect(legendX, 14, 18, 4, null, colour, null);
            svg.label(legendX + 24, 20, curve.name(), "start", "legend", 24, 0);
            legendX += 40 + 7.5 * Math.min(24, curve.name().length());
        }
        return svg.toString();
    }

    private static String names(List<LossCurve> curves) {
        return String.join(", ", curves.stream().map(LossCurve::name).toList());
    }

    /** Maps data values to pixels inside the margins. */
    private record Plot(Ticks xTicks, Ticks yTicks) {
        double x(double step) {
            return LEFT + (step - xTicks.first()) / (xTicks.last() - xTicks.first()) * (WIDTH - LEFT - RIGHT);
        }

        double y(double loss) {
            return HEIGHT - BOTTOM - (loss - yTicks.first()) / (yTicks.last() - yTicks.first())
                    * (HEIGHT - BOTTOM - TOP);
        }
    }
}
