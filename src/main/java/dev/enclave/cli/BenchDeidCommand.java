package dev.enclave.cli;

import dev.enclave.deid.DeidBenchmark;
import dev.enclave.deid.DeidInputException;
import dev.enclave.deid.DocumentFiles;
import dev.enclave.deid.RedactionMode;
import dev.enclave.deid.SourceDocument;
import dev.enclave.run.RunFiles;
import dev.enclave.sample.SampleDataGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code enclave bench deid}: single-threaded de-identification throughput on generated notes and case files. */
@Command(name = "deid", mixinStandardHelpOptions = true,
        description = "Generate the synthetic clinical notes and legal case files, then time detection + redaction of"
                + " them in one thread; print MB/s and documents/s.",
        footer = {"", "Example:", "  enclave bench deid --seconds 30 --mode surrogate --out target/bench/deid.json"})
final class BenchDeidCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--documents", paramLabel = "N",
            description = "Use the first N generated documents (default: all, about 3,400).")
    Integer documents;

    @Option(names = "--mode", defaultValue = "mask", description = "mask or surrogate (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--seconds", defaultValue = "20",
            description = "Minimum timed wall time (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "1000",
            description = "Documents redacted before timing (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "Data and surrogate seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", defaultValue = "target/bench/deid",
            description = "Folder for the generated documents (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--out", defaultValue = "target/bench/deid.json",
            description = "JSON file for the figures (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if ((documents != null && documents <= 0) || warmup < 0 || !(seconds >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--documents must be positive, --warmup and --seconds not negative");
        }
        RedactionMode redactionMode;
        try {
            redactionMode = RedactionMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mode must be mask or surrogate");
        }
        List<SourceDocument> corpus = corpus();
        DeidBenchmark.Result result = DeidBenchmark.run(corpus,
                new DeidBenchmark.Settings(redactionMode, seed, warmup, seconds));
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "%,d documents (%,d bytes, %,d PHI spans), %s, 1 thread of %d cores, load %.1f ->"
                + " %.1f%n", result.documents(), result.bytesPerPass(), result.spansPerPass(),
                redactionMode.name().toLowerCase(Locale.ROOT), result.cores(), result.loadAverage()[0],
                result.loadAverage()[1]);
        printer.printf(Locale.ROOT, "deid: %.3f MB/s, %.0f documents/s (%d passes in %.1f s)%n",
                result.megabytesPerSecond(), result.documentsPerSecond(), result.passes(), result.seconds());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, RunFiles.JSON.writeValueAsString(result) + "\n");
        printer.println("wrote " + out);
        printer.flush();
        return 0;
    }

    private List<SourceDocument> corpus() throws Exception {
        SampleDataGenerator.generate(work, seed);
        List<SourceDocument> all = new ArrayList<>();
        try {
            all.addAll(DocumentFiles.readDocuments(work.resolve(SampleDataGenerator.CLINICAL_NOTES),
                    new DocumentFiles.Columns("note_id", "text", "patient_id")));
            all.addAll(DocumentFiles.readDocuments(work.resolve(SampleDataGenerator.LEGAL_CASES),
                    new DocumentFiles.Columns("case_id", "text", "matter_id")));
        } catch (DeidInputException e) {
            throw new IllegalStateException("generated data unreadable: " + e.getMessage(), e);
        }
        return documents == null ? all : all.subList(0, Math.min(documents, all.size()));
    }
}
