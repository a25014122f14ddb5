package dev.enclave.prep;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bundled.BundledModel;
import dev.enclave.run.RunContext;
import dev.enclave.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Measures the preparation against the cheapest Spark job over the same file: {@link SyntheticNotes} are written as
 * CSV, then, in one Spark session, a plain CSV-to-Parquet copy (Spark's own multi-line CSV reader, after a small
 * warm-up copy) and the full {@link PrepareStage} (classification, MiniLM tokenizer, default dedup) run one after the
 * other; each step's wall time is recorded.
 */
public final class PrepareBenchmark {
    /** The bundled model whose tokenizer the benchmark uses when the model folder is missing. */
    public static final String MODEL = "all-minilm-l6-v2";

    private PrepareBenchmark() {}

    /**
     * What to measure.
     *
     * @param rows synthetic notes to prepare
     * @param workDir folder for the input, the run and the copy (created; its old benchmark outputs are replaced)
     * @param modelDir model folder whose tokenizer is used; the bundled MiniLM is imported when it is missing
     * @param seed data seed
     */
    public record Settings(long rows, Path workDir, Path modelDir, long seed) {}

    /**
     * The figures.
     *
     * @param rows notes in the input
     * @param rowsOut examples prepared
     * @param cores Spark's default parallelism
     * @param maxHeapBytes the JVM's maximum heap
     * @param loadAverage the machine's one-minute load average before and after the timed work
     * @param generateSeconds writing the CSV
     * @param copySeconds the plain CSV-to-Parquet copy
     * @param prepareSeconds the preparation
     * @param copyRowsPerSecond rows / copySeconds
     * @param prepareRowsPerSecond rows / prepareSeconds
     * @param ratio prepareRowsPerSecond / copyRowsPerSecond
     * @param stepSeconds wall time per preparation step
     */
    public record Result(
            long rows,
            @JsonProperty("rows_out") long rowsOut,
            int cores,
            @JsonProperty("max_heap_bytes") long maxHeapBytes,
            @JsonProperty("load_average") double[] loadAverage,
            @JsonProperty("generate_seconds") double generateSeconds,
            @JsonProperty("copy_seconds") double copySeconds,
            @JsonProperty("prepare_seconds") double prepareSeconds,
            @JsonProperty("copy_rows_per_second") double copyRowsPerSecond,
            @JsonProperty("prepare_rows_per_second") double prepareRowsPerSecond,
            double ratio,
            @JsonProperty("ratio_without_deidentify") double ratioWithoutDeidentify,
            @JsonProperty("step_seconds") Map<String, Double> stepSeconds) {}

    public static Result run(Settings settings) throws IOException {
        Path work = Files.createDirectories(settings.workDir().toAbsolutePath().normalize());
        Path model = settings.modelDir().toAbsolutePath().normalize();
        if (!Files.isRegularFile(model.resolve(HfModelFolder.CONFIG_FILE))) {
            BundledModel.byName(MODEL).importTo(model);
        }
        Path input = work.resolve("notes.csv");
        long start = System.nanoTime();
        SyntheticNotes.write(input, settings.rows(), settings.seed());
        double generateSeconds = seconds(start);
        Path warmup = work.resolve("warmup.csv");
        SyntheticNotes.write(warmup, 2_000, settings.seed() + 1);
        Path specFile = Files.writeString(work.resolve("bench.yaml"), spec(work, model, input, settings.seed()));
        Path runDir = work.resolve("run");
        deleteTree(runDir);
        try (RunContext run = RunContext.create(SpecLoader.load(specFile), work, runDir, Clock.systemUTC())) {
            SparkSession spark = SparkSessions.of(run);
            copy(spark, warmup, work.resolve("warmup.parquet"));
            double[] load = {loadAverage(), 0};
            start = System.nanoTime();
            copy(spark, input, work.resolve("copy.parquet"));
            double copySeconds = seconds(start);
            Map<String, Double> steps = new LinkedHashMap<>();
            start = System.nanoTime();
            new PrepareStage((step, nanos) -> steps.put(step, nanos / 1e9)).run(run);
            double prepareSeconds = seconds(start);
            load[1] = loadAverage();
            run.writeManifest(PrepareStage.NAME);
            JsonNode prepared = run.manifest().stage(PrepareStage.NAME);
            double copyRate = settings.rows() / copySeconds;
            double prepareRate = settings.rows() / prepareSeconds;
            double withoutDeidentify = copySeconds / (prepareSeconds - steps.getOrDefault("deidentify", 0.0));
            return new Result(settings.rows(), prepared.path("rows_out").asLong(),
                    spark.sparkContext().defaultParallelism(), Runtime.getRuntime().maxMemory(), load, generateSeconds,
                    copySeconds, prepareSeconds, copyRate, prepareRate, prepareRate / copyRate, withoutDeidentify,
                    steps);
        }
    }

    private static void copy(SparkSession spark, Path csv, Path parquet) {
        spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                .csv(csv.toString()).write().mode(SaveMode.Overwrite).parquet(parquet.toString());
    }

    private static String spec(Path work, Path model, Path input, long seed) {
        return """
                version: 1
                name: bench-prepare
                seed: %4$d
                residency:
                  allowed_roots: [%1$s, %2$s]
                data:
                  path: %3$s
                  columns: {id: note_id, group: patient_id, text: text, label: specialty}
                  labels: [%5$s]
                model:
                  path: %2$s
                task:
                  type: classification
                  max_tokens: 128
                filters:
                  min_chars: 20
                """.formatted(work, model, input, seed, String.join(", ", SyntheticNotes.SPECIALTIES));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The one-minute load average, or -1 where the system does not say. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
