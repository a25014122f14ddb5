package dev.enclave.deid;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Single-threaded throughput of de-identification (detection and redaction together, {@link Deidentifier#redact}) over
 * a list of documents: an untimed warm-up pass (class loading, dictionaries, JIT), then timed passes over every
 * document until at least the minimum time has passed. Everything runs in the calling thread.
 */
public final class DeidBenchmark {

    /**
     * What to measure.
     *
     * @param mode masks or surrogates
     * @param seed surrogate seed
     * @param warmupDocuments documents redacted before timing starts
     * @param minSeconds the timed passes go on until at least this long
     */
    public record Settings(RedactionMode mode, long seed, int warmupDocuments, double minSeconds) {}

    /**
     * The figures.
     *
     * @param documents documents per pass
     * @param bytesPerPass UTF-8 bytes of their texts
     * @param passes timed passes over all documents
     * @param seconds timed wall time
     * @param megabytesPerSecond UTF-8 megabytes (10^6 bytes) of input text per second
     * @param documentsPerSecond documents per second
     * @param spansPerPass PHI spans replaced per pass
     * @param mode the redaction mode
     * @param threads always 1
     * @param cores processors the JVM sees
     * @param loadAverage the machine's one-minute load average before and after the timed passes
     * @param javaVersion the JVM's version
     */
    public record Result(int documents, @JsonProperty("bytes_per_pass") long bytesPerPass, int passes, double seconds,
            @JsonProperty("megabytes_per_second") double megabytesPerSecond,
            @JsonProperty("documents_per_second") double documentsPerSecond,
            @JsonProperty("spans_per_pass") long spansPerPass, RedactionMode mode, int threads, int cores,
            @JsonProperty("load_average") double[] loadAverage, @JsonProperty("java_version") String javaVersion) {}

    private DeidBenchmark() {}

    /** Runs the benchmark over {@code documents} (at least one). */
    public static Result run(List<SourceDocument> documents, Settings settings) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one document");
        }
        Deidentifier deid = Deidentifier.builder().mode(settings.mode()).seed(settings.seed()).build();
        long bytes = 0;
        for (SourceDocument document : documents) {
            bytes += document.text().getBytes(StandardCharsets.UTF_8).length;
        }
        long sink = 0;
        for (int i = 0; i < settings.warmupDocuments(); i++) {
            SourceDocument document = documents.get(i % documents.size());
            sink += deid.redact(document.text(), document.group()).spans().size();
        }
        double loadBefore = loadAverage();
        long spans = 0;
        int passes = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            spans = 0;
            for (SourceDocument document : documents) {
                spans += deid.redact(document.text(), document.group()).spans().size();
            }
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < settings.minSeconds() * 1e9);
        double seconds = elapsed / 1e9;
        if (sink < 0) {
            throw new AssertionError("unreachable; keeps the warm-up from being optimised away");
        }
        return new Result(documents.size(), bytes, passes, seconds, bytes * (double) passes / seconds / 1e6,
                documents.size() * (double) passes / seconds, spans, settings.mode(), 1,
                Runtime.getRuntime().availableProcessors(), new double[] {loadBefore, loadAverage()},
                System.getProperty("java.version"));
    }

    /** The one-minute load average, or -1 where the system does not say. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
