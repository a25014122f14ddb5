package dev.enclave.cli;

import dev.enclave.residency.EgressGuard;
import dev.enclave.residency.ResidencyPolicy;
import dev.enclave.spec.ResidencySpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Residency for the commands that run without a pipeline spec ({@code score}, {@code generate}, {@code deid}): every
 * file they open must lie under an {@code --allowed-root} (default: the working directory), and while they run the
 * egress guard refuses every connection that leaves loopback.
 */
final class ResidencyOptions {

    @Option(names = "--allowed-root", paramLabel = "DIR",
            description = "A folder this command may read and write under; repeatable (default: the working "
                    + "directory). Paths outside every root are refused before they are opened.")
    private List<String> allowedRoots = new ArrayList<>();

    /** Activates the policy; close the scope when the command ends. */
    Scope open(PrintWriter err) {
        List<String> roots = allowedRoots.isEmpty() ? List.of(".") : allowedRoots;
        ResidencyPolicy policy = ResidencyPolicy.of(new ResidencySpec(roots, List.of("127.0.0.1")),
                Path.of("").toAbsolutePath());
        EgressGuard.Scope egress = EgressGuard.activate(policy.hostPolicy(), attempt -> {
            err.println("residency: refused " + attempt.direction() + " connection to " + attempt.host() + ":"
                    + attempt.port() + " from " + attempt.origin());
            err.flush();
        });
        return new Scope(policy, egress);
    }

    /** The active policy of one command. */
    record Scope(ResidencyPolicy policy, EgressGuard.Scope egress) implements AutoCloseable {
        /** Checks a command-line path before it is opened; {@code option} names it in the refusal. */
        Path check(Path path, String option) {
            return policy.check(path, option);
        }

        @Override
        public void close() {
            egress.close();
        }
    }
}
