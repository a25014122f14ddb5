package dev.enclave.cli;

import dev.enclave.deid.PhiType;
import dev.enclave.sample.SampleDataGenerator;
import dev.enclave.sample.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code enclave sample-data}: writes the synthetic clinical and legal sample corpora with their gold PHI spans. */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = "Generate synthetic clinical notes and legal case files with gold PHI spans (deterministic per seed).",
        footer = {"", "Example:", "  enclave sample-data --seed 42 --out sample-data"})
public final class SampleDataCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", defaultValue = "sample-data", description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Summary summary = SampleDataGenerator.generate(out, seed);
        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "Wrote %s (seed %d, %,d bytes)%n", out, seed, summary.bytes());
        console.printf(Locale.ROOT, "  clinical notes: %,d from %,d patients%n", summary.clinicalNotes(), summary.patients());
        console.printf(Locale.ROOT, "    specialties: %s%n", summary.notesPerSpecialty());
        console.printf(Locale.ROOT, "    note types:  %s%n", summary.notesPerType());
        console.printf(Locale.ROOT, "  legal cases: %,d from %,d matters%n", summary.legalCases(), summary.matters());
        console.printf(Locale.ROOT, "    case types:  %s%n", summary.casesPerType());
        console.printf(Locale.ROOT, "  gold PHI spans:%n");
        for (Map.Entry<PhiType, Integer> entry : summary.spansPerType().entrySet()) {
            console.printf(Locale.ROOT, "    %-12s %,7d%n", entry.getKey(), entry.getValue());
        }
        console.flush();
        return 0;
    }
}
