package dev.enclave.report;

/**
 * Axis ticks at round values (1, 2 or 5 times a power of ten) that cover a data range.
 *
 * @param first first tick, at or below the data minimum
 * @param last  last tick, at or above the data maximum
 * @param step  distance between ticks
 */
record Ticks(double first, double last, double step) {

    /** About {@code target} ticks covering {@code [min, max]}; {@code integers} keeps the step at 1 or more. */
    static Ticks covering(double min, double max, int target, boolean integers) {
        if (max <= min) {
            max = min + (integers ? 1 : Math.max(Math.abs(min) * 0.1, 0.1));
        }
        double raw = (max - min) / Math.max(1, target - 1);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
        if (integers) {
            step = Math.max(1, Math.round(step));
        }
        double first = Math.floor(min / step + 1e-9) * step;
        double last = Math.ceil(max / step - 1e-9) * step;
        return new Ticks(first, last, step);
    }

    /** The tick values from first to last. */
    double[] values() {
        int count = (int) Math.round((last - first) / step) + 1;
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = first + i * step;
        }
        return values;
    }

    /** A tick value as text. */
    String label(double value) {
        return Fmt.tick(value, step);
    }
}
