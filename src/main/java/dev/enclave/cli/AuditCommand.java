package dev.enclave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code enclave audit ...}: a data steward's tools for checking a run folder. */
@Command(name = "audit", description = "Check a run folder's audit log and outputs, and report on them.",
        subcommands = {AuditVerifyCommand.class, AuditReportCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  enclave audit verify runs/clinical-notes-20260101-120000",
            "  ENCLAVE_AUDIT_KEY=... enclave audit report runs/clinical-notes-20260101-120000 --out /tmp/review"
        })
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
