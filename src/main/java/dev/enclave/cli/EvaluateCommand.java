package dev.enclave.cli;

import dev.enclave.pipeline.Runs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code enclave evaluate RUN}: base against tuned on the test split, then the report. */
@Command(name = "evaluate", description = "Evaluate base and tuned models on the test split and write the report.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    AuditKeyOption auditKey;

    @Parameters(paramLabel = "RUN", description = "Run folder.")
    Path runDir;

    @Override
    public Integer call() {
        Path folder = Runs.evaluate(runDir, auditKey.key());
        System.out.println("Report: " + folder.resolve("report.html"));
        return 0;
    }
}
