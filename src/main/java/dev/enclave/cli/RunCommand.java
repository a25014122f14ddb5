package dev.enclave.cli;

import dev.enclave.pipeline.Runs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enclave run SPEC}: prepare, train and evaluate in one new run folder. */
@Command(name = "run", description = "Run the whole pipeline: prepare, train, evaluate, report.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    AuditKeyOption auditKey;

    @Parameters(paramLabel = "SPEC", description = "Pipeline spec (YAML).")
    Path spec;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Run folder to create (default: a new one under the spec's runs_dir).")
    Path runDir;

    @Override
    public Integer call() {
        Path folder = Runs.runAll(spec, runDir, auditKey.key());
        System.out.println("Run finished: " + folder);
        System.out.println("Report: " + folder.resolve("report.html"));
        return 0;
    }
}
