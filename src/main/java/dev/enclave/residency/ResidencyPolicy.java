package dev.enclave.residency;

import dev.enclave.EnclaveException;
import dev.enclave.spec.ResidencySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec's residency rules. Storage: every path Enclave opens is resolved, canonicalised (symbolic links followed) and
 * checked against the allowed roots first; paths written with {@code ..} are refused outright, so a spec cannot hide
 * where it points. Network: the allowed hosts as a {@link HostPolicy}, which the {@link EgressGuard} enforces.
 */
public final class ResidencyPolicy {
    private final Path baseDir;
    private final List<Path> roots;
    private final HostPolicy hosts;

    private ResidencyPolicy(Path baseDir, List<Path> roots, HostPolicy hosts) {
        this.baseDir = baseDir;
        this.roots = List.copyOf(roots);
        this.hosts = hosts;
    }

    /** The policy of {@code spec}, with relative roots taken from {@code baseDir} (the working directory of the run). */
    public static ResidencyPolicy of(ResidencySpec spec, Path baseDir) {
        Path base = canonical(baseDir.toAbsolutePath());
        List<Path> roots = new ArrayList<>();
        for (String root : spec.allowedRoots()) {
            rejectParentSteps(root, "residency.allowed_roots");
            roots.add(canonical(base.resolve(root)));
        }
        return new ResidencyPolicy(base, roots, HostPolicy.parse(spec.allowedHosts(), "residency.allowed_hosts"));
    }

    /** Resolves a path as written in the spec and checks it; {@code field} names the spec field in messages. */
    public Path resolve(String specPath, String field) {
        rejectParentSteps(specPath, field);
        return check(baseDir.resolve(specPath), field);
    }

    /** Canonicalises {@code path} and returns it if it lies under an allowed root; otherwise stops the run. */
    public Path check(Path path, String purpose) {
        Path canonical = canonical(path.toAbsolutePath());
        for (Path root : roots) {
            if (canonical.startsWith(root)) {
                return canonical;
            }
        }
        throw EnclaveException.badInput("residency: " + purpose + ": " + canonical
                + " is outside the allowed roots " + roots + " (rule: residency.allowed_roots)");
    }

    public List<Path> roots() {
        return roots;
    }

    /** The allowed hosts as the spec wrote them. */
    public List<String> hosts() {
        return hosts.entries();
    }

    /** The allowed hosts, for connection checks. */
    public HostPolicy hostPolicy() {
        return hosts;
    }

    public Path baseDir() {
        return baseDir;
    }

    private static void rejectParentSteps(String path, String field) {
        for (Path step : Path.of(path)) {
            if (step.toString().equals("..")) {
                throw EnclaveException.badInput("residency: " + field + ": '" + path
                        + "' contains '..'; write the path without parent steps");
            }
        }
    }

    /**
     * The real path of {@code path}: symbolic links resolved for the part that exists, the rest (not created yet)
     * appended as written.
     */
    static Path canonical(Path path) {
        Path normal = path.normalize();
        Path existing = normal;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return normal;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(normal)).normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + existing, e);
        }
    }
}
