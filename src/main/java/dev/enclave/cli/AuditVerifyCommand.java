package dev.enclave.cli;

import dev.enclave.EnclaveException;
import dev.enclave.residency.AuditVerifier;
import dev.enclave.residency.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code enclave audit verify RUN}: recomputes the audit chain and every listed file's hash. */
@Command(name = "verify", description = "Recompute the audit log's hash chain (and HMACs, given the key) and the"
        + " sha256 of every file it lists; exit 2 naming the first broken entry or changed file.")
final class AuditVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AuditKeyOption auditKey;

    @Parameters(paramLabel = "RUN", description = "Run folder.")
    Path runDir;

    @Override
    public Integer call() {
        Verification verification = AuditVerifier.verify(runDir, auditKey.key());
        print(spec.commandLine().getOut(), runDir, verification);
        if (!verification.passed()) {
            throw EnclaveException.badInput("audit verify: " + verification.failures().get(0).message());
        }
        return 0;
    }

    /** The verification as lines for people: counts, warnings, failures, verdict. */
    static void print(PrintWriter out, Path runDir, Verification verification) {
        out.println("Run folder:  " + runDir);
        out.println("Audit log:   " + verification.entries() + " entries, signatures: "
                + verification.signature().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        out.println("Chain head:  " + verification.chainHead());
        out.println("Files:       " + verification.runFilesChecked() + " in the run folder rechecked, "
                + verification.outsideFilesChecked() + " outside it");
        for (Verification.Finding warning : verification.warnings()) {
            out.println("  warning: " + warning.message());
        }
        for (Verification.Finding failure : verification.failures()) {
            out.println("  FAILED:  " + failure.message());
        }
        out.println(verification.passed() ? "VERIFIED" : "NOT VERIFIED");
        out.flush();
    }
}
