package dev.enclave.cli;

import dev.enclave.prep.PrepareBenchmark;
import dev.enclave.run.RunFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code enclave bench prepare}: the preparation's throughput next to a plain Spark CSV-to-Parquet copy. */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Prepare N synthetic notes and copy the same CSV to Parquet with plain Spark; print rows/s of"
                + " both and their ratio.",
        footer = {"", "Example:", "  enclave bench prepare --rows 200000 --out target/bench/prepare.json"})
final class BenchPrepareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "200000", description = "Synthetic notes (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--work", defaultValue = "target/bench/prepare",
            description = "Folder for the input, the run and the copy (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--model", defaultValue = "models/" + PrepareBenchmark.MODEL,
            description = "Model folder whose tokenizer is used; the bundled MiniLM is imported there when missing"
                    + " (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--seed", defaultValue = "42", description = "Data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "target/bench/prepare.json",
            description = "JSON file for the figures (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (rows <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be positive");
        }
        PrepareBenchmark.Result result = PrepareBenchmark.run(new PrepareBenchmark.Settings(rows, work, model, seed));
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "%,d synthetic notes, %d cores, heap %,d MiB, load %.1f -> %.1f%n", result.rows(),
                result.cores(), result.maxHeapBytes() >> 20, result.loadAverage()[0], result.loadAverage()[1]);
        printer.printf(Locale.ROOT, "prepare:   %7.1f s  %,9.0f rows/s  (%,d examples out)%n", result.prepareSeconds(),
                result.prepareRowsPerSecond(), result.rowsOut());
        printer.printf(Locale.ROOT, "CSV copy:  %7.1f s  %,9.0f rows/s  (plain Spark CSV -> Parquet)%n",
                result.copySeconds(), result.copyRowsPerSecond());
        printer.printf(Locale.ROOT, "ratio:     %.2f  (prepare rows/s over copy rows/s; %.2f without the deidentify"
                + " step)%n", result.ratio(), result.ratioWithoutDeidentify());
        for (Map.Entry<String, Double> step : result.stepSeconds().entrySet()) {
            printer.printf(Locale.ROOT, "  %-11s %7.1f s  %3.0f%%%n", step.getKey(), step.getValue(),
                    100 * step.getValue() / result.prepareSeconds());
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, RunFiles.JSON.writeValueAsString(result) + "\n");
        printer.println("wrote " + out);
        return 0;
    }
}
