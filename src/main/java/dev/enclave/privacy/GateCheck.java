package dev.enclave.privacy;

import java.util.Locale;

/**
 * One privacy gate compared with the spec's threshold. A gate passes when the figure is at most the threshold.
 *
 * @param gate the spec key under {@code evaluation.privacy}, e.g. {@code max_exposure}
 * @param subject what was measured, e.g. {@code canary-2 (ssn) in the tuned model}
 * @param figure the measured figure
 * @param threshold the spec's threshold
 * @param unit the figures' unit, e.g. {@code bits}; empty for none
 * @param passed whether {@code figure <= threshold}
 */
public record GateCheck(String gate, String subject, double figure, double threshold, String unit, boolean passed) {

    /** A check of {@code figure} against {@code threshold}. */
    public static GateCheck of(String gate, String subject, double figure, double threshold, String unit) {
        return new GateCheck(gate, subject, figure, threshold, unit, figure <= threshold);
    }

    /** A sentence naming the gate, the figure and the threshold. */
    public String describe() {
        String suffix = unit.isEmpty() ? "" : " " + unit;
        return String.format(Locale.ROOT, "privacy gate %s %s: %s is %s%s, the spec's evaluation.privacy.%s is %s%s",
                gate, passed ? "passed" : "failed", subject, number(figure), suffix, gate, number(threshold), suffix);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
