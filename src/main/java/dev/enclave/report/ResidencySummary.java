package dev.enclave.report;

import java.util.List;

/**
 * Where the run was allowed to read, write and connect, and what it did.
 *
 * @param allowedRoots   folders the run could read and write
 * @param allowedHosts   hosts it could connect to; empty for a fully offline run
 * @param filesRead      files read
 * @param filesWritten   files written
 * @param egressAttempts outbound connections attempted to hosts outside {@code allowedHosts}
 * @param auditEntries   entries in the run's audit log
 */
public record ResidencySummary(List<String> allowedRoots, List<String> allowedHosts, long filesRead,
        long filesWritten, long egressAttempts, long auditEntries) {

    public ResidencySummary {
        allowedRoots = List.copyOf(allowedRoots);
        allowedHosts = List.copyOf(allowedHosts);
    }
}
