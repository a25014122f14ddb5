package dev.enclave.cli;

import dev.enclave.pipeline.Runs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enclave prepare SPEC}: only the Spark data preparation, in a new run folder. */
@Command(name = "prepare", description = "Prepare the data (Spark): ingest, quarantine, de-identify, split, tokenise.")
final class PrepareCommand implements Callable<Integer> {
    @Mixin
    AuditKeyOption auditKey;

    @Parameters(paramLabel = "SPEC", description = "Pipeline spec (YAML).")
    Path spec;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Run folder to create (default: a new one under the spec's runs_dir).")
    Path runDir;

    @Override
    public Integer call() {
        Path folder = Runs.prepare(spec, runDir, auditKey.key());
        System.out.println("Prepared: " + folder.resolve("prepared"));
        return 0;
    }
}
