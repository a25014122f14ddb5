package dev.enclave.cli;

import dev.enclave.EnclaveException;
import dev.enclave.residency.AuditReport;
import dev.enclave.residency.AuditVerifier;
import dev.enclave.residency.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code enclave audit report RUN}: verifies the run and writes the steward's HTML and Markdown report. */
@Command(name = "report", description = "Verify a run and write the data steward's report ("
        + AuditReport.HTML_FILE + ", " + AuditReport.MARKDOWN_FILE + "); exit 2 if verification failed.")
final class AuditReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AuditKeyOption auditKey;

    @Parameters(paramLabel = "RUN", description = "Run folder.")
    Path runDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the report (default: the run folder).")
    Path out;

    @Override
    public Integer call() {
        Verification verification = AuditVerifier.verify(runDir, auditKey.key());
        List<Path> written = AuditReport.write(runDir, out != null ? out : runDir, verification);
        PrintWriter console = spec.commandLine().getOut();
        AuditVerifyCommand.print(console, runDir, verification);
        written.forEach(file -> console.println("Report: " + file));
        console.flush();
        if (!verification.passed()) {
            throw EnclaveException.badInput("audit verify: " + verification.failures().get(0).message());
        }
        return 0;
    }
}
