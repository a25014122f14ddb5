package dev.enclave.report;

import dev.enclave.privacy.CanaryExposure;
import java.util.List;

/**
 * Exposure of each canary in bits, base and tuned bars side by side, with the spec's gate as a dashed line and each
 * canary's largest possible exposure (log2 of its candidate space) as a tick above its bars.
 */
final class ExposureChart {

    private static final double HEIGHT = 300;
    private static final double LEFT = 48;
    private static final double RIGHT = 16;
    private static final double TOP = 40;
    private static final double BOTTOM = 40;
    private static final double BAR = 26;
    private static final double GROUP = 90;

    private ExposureChart() {
    }

    /** The chart; {@code base} may be empty, {@code tuned} names the canaries. */
    static String render(List<CanaryExposure> base, List<CanaryExposure> tuned, double gate) {
        double width = Math.max(360, LEFT + RIGHT + GROUP * tuned.size());
        Svg svg = new Svg(width, HEIGHT, "Canary exposure in bits, base and tuned models, against the gate of "
                + Fmt.metric(gate) + " bits");
        double top = gate;
        for (CanaryExposure canary : tuned) {
            top = Math.max(top, canary.maxExposure());
        }
        double step = top > 40 ? 10 : 5;
        double axisMax = Math.ceil(top / step) * step;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        for (double value = 0; value <= axisMax + 1e-9; value += step) {
            double y = y(value, axisMax, plotHeight);
            svg.line(LEFT, y, width - RIGHT, y, value == 0 ? "axis" : "grid");
            svg.text(LEFT - 8, y + 4, Fmt.tick(value, step), "end", "tick", 0);
        }
        svg.text(14, TOP + plotHeight / 2, "exposure (bits)", "middle", "axis-title", -90);
        for (int i = 0; i < tuned.size(); i++) {
            double centre = LEFT + GROUP * (i + 0.5);
            CanaryExposure t = tuned.get(i);
            double x = centre - (base.isEmpty() ? BAR / 2 : BAR + 2);
            if (!base.isEmpty()) {
                bar(svg, x, base.get(i), "base", Palette.BASE, axisMax, plotHeight);
                x += BAR + 4;
            }
            bar(svg, x, t, "tuned", Palette.TUNED, axisMax, plotHeight);
            double max = y(t.maxExposure(), axisMax, plotHeight);
            svg.line(centre - BAR - 6, max, centre + BAR + 6, max, "whisker");
            svg.label(centre, HEIGHT - BOTTOM + 18, t.canary(), "middle", "category", 14, 0);
            svg.text(centre, HEIGHT - BOTTOM + 32, t.shape(), "middle", "tick", 0);
        }
        double gateY = y(gate, axisMax, plotHeight);
        svg.line(LEFT, gateY, width - RIGHT, gateY, "gate");
        svg.text(width - RIGHT, gateY - 5, "gate " + Fmt.metric(gate) + " bits", "end", "legend", 0);
        double legendX = LEFT;
        if (!base.isEmpty()) {
            svg.rect(legendX, 10, 12, 12, null, Palette.BASE, null);
            svg.text(legendX + 18, 20, "base model", "start", "legend", 0);
            legendX += 110;
        }
        svg.rect(legendX, 10, 12, 12, null, Palette.TUNED, null);
        svg.text(legendX + 18, 20, "tuned model", "start", "legend", 0);
        legendX += 110;
        svg.line(legendX, 16, legendX + 14, 16, "whisker");
        svg.text(legendX + 20, 20, "largest possible", "start", "legend", 0);
        return svg.toString();
    }

    private static void bar(Svg svg, double x, CanaryExposure exposure, String model, String colour, double axisMax,
            double plotHeight) {
        double top = y(exposure.exposure(), axisMax, plotHeight);
        svg.rect(x, top, BAR, HEIGHT - BOTTOM - top, null, colour, exposure.canary() + " " + model + " model: "
                + Fmt.metric(exposure.exposure()) + " bits of " + Fmt.metric(exposure.maxExposure()) + " possible");
    }

    private static double y(double value, double axisMax, double plotHeight) {
        return HEIGHT - BOTTOM - Math.min(value, axisMax) / axisMax * plotHeight;
    }
}
