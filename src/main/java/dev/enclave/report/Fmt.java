package dev.enclave.report;

import dev.enclave.eval.Interval;
import java.util.Locale;

/** Locale-independent number formatting, so the same data always gives the same report. */
final class Fmt {

    private Fmt() {
    }

    /** A metric in [0, 1] to two decimals: {@code 0.91}. */
    static String metric(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A metric to three decimals, for tables: {@code 0.912}. */
    static String metric3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** An interval to two decimals: {@code [0.88, 0.93]}. */
    static String interval(Interval interval) {
        return "[" + metric(interval.low()) + ", " + metric(interval.high()) + "]";
    }

    /** A difference with its sign, two decimals: {@code +0.29}, {@code -0.03}, {@code 0.00}. */
    static String signed(double value) {
        String text = String.format(Locale.ROOT, "%+.2f", value);
        return text.equals("+0.00") || text.equals("-0.00") ? "0.00" : text;
    }

    /** An interval of differences: {@code [+0.25, +0.33]}. */
    static String signedInterval(Interval interval) {
        return "[" + signed(interval.low()) + ", " + signed(interval.high()) + "]";
    }

    /** A count with thousands separators: {@code 12,345}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A count in short form: {@code 950}, {@code 22.7M}, {@code 1.3B}. */
    static String compact(long value) {
        double magnitude = Math.abs((double) value);
        if (magnitude < 1e4) {
            return Long.toString(value);
        }
        String[] suffixes = {"k", "M", "B", "T"};
        int power = Math.min((int) (Math.log10(magnitude) / 3), suffixes.length);
        if (power < suffixes.length && Math.round(magnitude / Math.pow(1000, power) * 10) >= 10_000) {
            power++; // 999,999 is 1.0M, not 1000.0k
        }
        return String.format(Locale.ROOT, "%.1f%s", value / Math.pow(1000, power), suffixes[power - 1]);
    }

    /** A fraction as a percentage: whole numbers from 10%, one decimal below. */
    static String percent(double fraction) {
        double percent = 100 * fraction;
        boolean whole = Math.round(Math.abs(percent) * 10) >= 100 || percent == 0;
        return String.format(Locale.ROOT, whole ? "%.0f%%" : "%.1f%%", percent);
    }

    /** An SVG coordinate: at most one decimal, no trailing {@code .0}. */
    static String coord(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** An axis tick value with as many decimals as the tick step needs. */
    static String tick(double value, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value + 0.0);
    }
}
