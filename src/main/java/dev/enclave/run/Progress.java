package dev.enclave.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress lines for long work: at most one line per interval with done/total, rate and ETA, plus a final line.
 * Lines go to stderr so stdout stays for results.
 */
public final class Progress {
    private final String task;
    private final String unit;
    private final long total;
    private final PrintStream out;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos = startNanos;

    public Progress(String task, String unit, long total, Duration interval, PrintStream out) {
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.out = out;
        this.intervalNanos = interval.toNanos();
    }

    /** Progress to stderr every 10 seconds. */
    public static Progress of(String task, String unit, long total) {
        return new Progress(task, unit, total, Duration.ofSeconds(10), System.err);
    }

    /** Reports {@code done} units so far, with an extra note (e.g. the loss); prints if the interval has passed. */
    public void update(long done, String note) {
        long now = System.nanoTime();
        if (now - lastPrintNanos >= intervalNanos || done == total) {
            lastPrintNanos = now;
            out.println(line(done, note, now));
        }
    }

    String line(long done, String note, long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-9);
        double rate = done / seconds;
        String eta = rate > 0 && total > done ? format(Duration.ofSeconds((long) ((total - done) / rate))) : "-";
        return String.format(Locale.ROOT, "%-10s %,d/%,d %s  %.1f %s/s  ETA %s%s", task, done, total, unit, rate, unit,
                eta, note == null || note.isEmpty() ? "" : "  " + note);
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
