package dev.enclave.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.run.FileRecord;
import dev.enclave.run.RunContext;
import dev.enclave.run.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code privacy/canaries.json} in the run folder: the canaries that training inserted, so that the evaluation scores
 * exactly those. Written and read through the run's audited file access. Format version {@value #FORMAT_VERSION}.
 */
public final class CanaryFile {
    /** The file, relative to the run folder. */
    public static final String PATH = "privacy/canaries.json";
    public static final int FORMAT_VERSION = 1;

    private CanaryFile() {}

    /** Writes the canaries; the caller adds the returned record to the manifest. */
    public static FileRecord write(RunContext run, String stage, CanarySet canaries) {
        return run.files().writeJson(stage, file(run), Map.of("format_version", FORMAT_VERSION, "canaries", canaries));
    }

    /** The canaries training inserted, or empty when this run's training wrote none. */
    public static Optional<CanarySet> read(RunContext run, String stage) {
        Path file = run.files().check(file(run), "read");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = RunFiles.JSON.readTree(file.toFile());
            int version = root.path("format_version").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw EnclaveException.badInput(run.folder().relative(file) + ": format_version " + version
                        + " is not " + FORMAT_VERSION);
            }
            CanarySet canaries = RunFiles.JSON.treeToValue(root.get("canaries"), CanarySet.class);
            run.files().recordRead(stage, file, (long) canaries.canaries().size());
            return Optional.of(canaries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + run.folder().relative(file), e);
        }
    }

    private static Path file(RunContext run) {
        return run.folder().root().resolve(PATH);
    }
}
