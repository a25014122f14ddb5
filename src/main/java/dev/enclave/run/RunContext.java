package dev.enclave.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.residency.AuditEvent;
import dev.enclave.residency.AuditKey;
import dev.enclave.residency.AuditLog;
import dev.enclave.residency.EgressGuard;
import dev.enclave.residency.ResidencyPolicy;
import dev.enclave.spec.LoadedSpec;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a stage needs for one run: the spec, the run folder, the residency policy, audited file access and the
 * manifest. While it is open the {@link EgressGuard} refuses connections outside the policy's hosts and records each in
 * the audit log. Closing it closes any resources stages opened through {@link #resources()}, the guard's scope and the
 * audit log.
 */
public final class RunContext implements AutoCloseable {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final LoadedSpec spec;
    private final RunFolder folder;
    private final ResidencyPolicy policy;
    private final AuditLog audit;
    private final RunFiles files;
    private final Manifest manifest;
    private final RunResources resources = new RunResources();
    private final EgressGuard.Scope egress;

    private RunContext(LoadedSpec spec, RunFolder folder, ResidencyPolicy policy, AuditLog audit, Manifest manifest) {
        this.spec = spec;
        this.folder = folder;
        this.policy = policy;
        this.audit = audit;
        this.files = new RunFiles(folder, policy, audit);
        this.manifest = manifest;
        this.egress = EgressGuard.activate(policy.hostPolicy(),
                attempt -> audit.append(AuditEvent.of(AuditEvent.Type.EGRESS_ATTEMPT, null, attempt.detail())));
    }

    /** {@link #create(LoadedSpec, Path, Path, Clock, Optional)} with an unsigned audit log. */
    public static RunContext create(LoadedSpec spec, Path workingDir, Path runDir, Clock clock) {
        return create(spec, workingDir, runDir, clock, Optional.empty());
    }

    /**
     * Starts a new run of {@code spec}: checks the policy, creates the run folder ({@code runDir}, or a new folder
     * {@code <name>-<UTC time>} under the spec's runs folder), stores the resolved spec and opens the audit log, signed
     * with {@code key} when given.
     */
    public static RunContext create(LoadedSpec spec, Path workingDir, Path runDir, Clock clock,
            Optional<AuditKey> key) {
        PipelineSpec pipeline = spec.spec();
        ResidencyPolicy policy = ResidencyPolicy.of(pipeline.residency(), workingDir);
        Path root = runDir != null
                ? policy.check(runDir, "run folder")
                : newRunFolder(policy.resolve(pipeline.output().runsDir(), "output.runs_dir"),
                        pipeline.name() + "-" + RUN_ID_TIME.format(clock.instant()));
        if (Files.exists(root.resolve("run.json"))) {
            throw EnclaveException.badInput(root + ": already holds a run; give another --run-dir");
        }
        RunFolder folder = new RunFolder(root);
        createDirectories(root);
        AuditLog audit = AuditLog.open(folder.audit(), clock, key);
        RunContext run = new RunContext(spec, folder, policy, audit, Manifest.create(spec.sha256()));
        try {
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("spec_sha256", spec.sha256());
            start.put("spec_source", spec.source().toString());
            start.put("spec_source_sha256", dev.enclave.util.Hashing.sha256Hex(spec.source()));
            start.put("allowed_roots", policy.roots().stream().map(Path::toString).toList());
            start.put("allowed_hosts", policy.hosts());
            audit.keyId().ifPresent(id -> start.put("audit_key_id", id));
            audit.append(AuditEvent.of(AuditEvent.Type.RUN_START, null, start));
            run.files.writeString(null, folder.spec(), spec.resolvedYaml());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("run_id", root.getFileName().toString());
            info.put("working_dir", policy.baseDir().toString());
            info.put("spec_sha256", spec.sha256());
            info.put("started", clock.instant().toString());
            info.put("enclave_version", Versions.enclave());
            run.files.writeJson(null, folder.runInfo(), info);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    /** {@link #open(Path, Clock, Optional)} for a run whose audit log is unsigned. */
    public static RunContext open(Path runDir, Clock clock) {
        return open(runDir, clock, Optional.empty());
    }

    /**
     * Reopens an existing run folder to run later stages on it, with the spec stored there; {@code key} must be the
     * key its audit log was signed with, if it was.
     */
    public static RunContext open(Path runDir, Clock clock, Optional<AuditKey> key) {
        RunFolder folder = new RunFolder(runDir.toAbsolutePath().normalize());
        if (!Files.isRegularFile(folder.runInfo())) {
            throw EnclaveException.badInput(runDir + ": not a run folder (no run.json)");
        }
        try {
            JsonNode info = RunFiles.JSON.readTree(folder.runInfo().toFile());
            Path workingDir = Path.of(info.path("working_dir").asText());
            LoadedSpec spec = SpecLoader.load(folder.spec());
            ResidencyPolicy policy = ResidencyPolicy.of(spec.spec().residency(), workingDir);
            policy.check(folder.root(), "run folder");
            Manifest manifest = Files.exists(folder.manifest()) ? Manifest.read(folder.manifest())
                    : Manifest.create(spec.sha256());
            return new RunContext(spec, folder, policy, AuditLog.open(folder.audit(), clock, key), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.runInfo(), e);
        }
    }

    private static Path newRunFolder(Path runsDir, String runId) {
        Path candidate = runsDir.resolve(runId);
        for (int attempt = 2; Files.exists(candidate); attempt++) {
            candidate = runsDir.resolve(runId + "-" + attempt);
        }
        return candidate;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    public PipelineSpec spec() {
        return spec.spec();
    }

    public LoadedSpec loadedSpec() {
        return spec;
    }

    public RunFolder folder() {
        return folder;
    }

    public ResidencyPolicy policy() {
        return policy;
    }

    public RunFiles files() {
        return files;
    }

    public Manifest manifest() {
        return manifest;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Resources shared by stages of this run (a Spark session, a DJL engine scope), closed with the run. */
    public RunResources resources() {
        return resources;
    }

    /** Connections the egress guard refused during this run so far. */
    public long egressAttempts() {
        return egress.refused();
    }

    /** Writes the manifest as it stands. */
    public void writeManifest(String stage) {
        manifest.write(files, folder.manifest(), stage);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } finally {
            egress.close();
            audit.close();
        }
    }
}
