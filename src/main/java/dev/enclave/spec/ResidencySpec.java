package dev.enclave.spec;

import java.util.List;

/**
 * Where the run may read and write, and which hosts it may talk to.
 *
 * @param allowedRoots folders (relative to the working directory or absolute) under which every file Enclave opens must lie
 * @param allowedHosts host names, addresses or CIDR blocks connections may go to; loopback is needed for Spark
 */
public record ResidencySpec(List<String> allowedRoots, List<String> allowedHosts) {
    public ResidencySpec {
        allowedRoots = Checks.requireNonEmpty(allowedRoots, "allowed_roots");
        allowedHosts = allowedHosts == null ? List.of("127.0.0.1") : List.copyOf(allowedHosts);
    }
}
