package dev.enclave.report;

import dev.enclave.privacy.MembershipResult;

/**
 * The membership attack's AUC for the base and tuned models on a 0.4–1 axis, each a point with its 95% interval, with
 * 0.5 (no leak) marked and the spec's gate as a dashed line.
 */
final class MembershipChart {

    private static final double WIDTH = 460;
    private static final double LEFT = 70;
    private static final double RIGHT = 20;
    private static final double TOP = 30;
    private static final double ROW = 40;
    private static final double BOTTOM = 40;
    private static final double FROM = 0.4;

    private MembershipChart() {
    }

    /** The chart; either model may be null. */
    static String render(MembershipResult base, MembershipResult tuned, double gate) {
        double height = TOP + 2 * ROW + BOTTOM;
        Svg svg = new Svg(WIDTH, height, "Membership-attack AUC with 95% intervals against the gate of "
                + Fmt.metric(gate));
        double bottom = height - BOTTOM;
        for (int i = 0; i <= 6; i++) {
            double value = FROM + i * 0.1;
            double x = x(value);
            svg.line(x, TOP, x, bottom, i == 0 ? "axis" : "grid");
            svg.text(x, bottom + 16, Fmt.tick(value, 0.1), "middle", "tick", 0);
        }
        svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis");
        svg.text((LEFT + WIDTH - RIGHT) / 2, bottom + 34, "AUC (0.5: losses tell nothing about membership)", "middle",
                "axis-title", 0);
        row(svg, 0, "base", Palette.BASE, base);
        row(svg, 1, "tuned", Palette.TUNED, tuned);
        svg.line(x(gate), TOP - 6, x(gate), bottom, "gate");
        svg.text(x(gate), TOP - 10, "gate " + Fmt.metric(gate), "middle", "legend", 0);
        return svg.toString();
    }

    private static void row(Svg svg, int index, String name, String colour, MembershipResult result) {
        double y = TOP + ROW * (index + 0.5);
        svg.text(LEFT - 10, y + 4, name, "end", "category", 0);
        if (result == null) {
            svg.text(LEFT + 8, y + 4, "not measured", "start", "tick", 0);
            return;
        }
        double low = x(result.interval().low());
        double high = x(result.interval().high());
        svg.line(low, y, high, y, "whisker");
        svg.line(low, y - 6, low, y + 6, "whisker");
        svg.line(high, y - 6, high, y + 6, "whisker");
        svg.circle(x(result.auc()), y, 5, colour, name + " model AUC " + Fmt.metric3(result.auc()) + ", 95% interval "
                + Fmt.interval(result.interval()));
    }

    private static double x(double auc) {
        double clamped = Math.max(FROM, Math.min(1, auc));
        return LEFT + (clamped - FROM) / (1 - FROM) * (WIDTH - LEFT - RIGHT);
    }
}
