package dev.enclave.report;

import java.util.Locale;

/** Colours shared by the charts and the stylesheet: base model grey, tuned model blue throughout. */
final class Palette {

    static final String BASE = "#94a3b8";
    static final String TUNED = "#2563eb";
    private static final String[] SERIES = {"#2563eb", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2"};

    private Palette() {
    }

    /** The colour of a named series: {@code base} and {@code tuned} keep their colours, others cycle. */
    static String series(String name, int index) {
        if (name.equalsIgnoreCase("base")) {
            return BASE;
        }
        if (name.equalsIgnoreCase("tuned")) {
            return TUNED;
        }
        return SERIES[index % SERIES.length];
    }

    /** Linear blend between two {@code #rrggbb} colours, {@code t} in [0, 1]. */
    static String blend(String from, String to, double t) {
        double clamped = Math.max(0, Math.min(1, t));
        StringBuilder out = new StringBuilder("#");
        for (int channel = 0; channel < 3; channel++) {
            int a = Integer.parseInt(from.substring(1 + 2 * channel, 3 + 2 * channel), 16);
            int b = Integer.parseInt(to.substring(1 + 2 * channel, 3 + 2 * channel), 16);
            out.append(String.format(Locale.ROOT, "%02x", Math.round(a + (b - a) * clamped)));
        }
        return out.toString();
    }
}
