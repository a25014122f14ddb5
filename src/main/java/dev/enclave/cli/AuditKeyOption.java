package dev.enclave.cli;

import dev.enclave.residency.AuditKey;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --key-file}: the data steward's audit key, else {@value AuditKey#ENVIRONMENT_VARIABLE}, else none. */
final class AuditKeyOption {
    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Steward's key for the audit log's HMACs, kept outside the run folder (default: the "
                    + AuditKey.ENVIRONMENT_VARIABLE + " environment variable; unsigned when neither is set).")
    Path keyFile;

    Optional<AuditKey> key() {
        return AuditKey.resolve(keyFile, System.getenv());
    }
}
