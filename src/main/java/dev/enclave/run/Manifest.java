package dev.enclave.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code manifest.json}: for each stage its counts (rows in, rows out, quarantined and filtered per reason, tokens),
 * and the size and sha256 of every file the run wrote. It holds no times or absolute paths, so the same spec on the same
 * data gives the same bytes.
 */
public final class Manifest {
    /** On-disk format version. */
    public static final int FORMAT_VERSION = 1;

    private final ObjectNode root;

    private Manifest(ObjectNode root) {
        this.root = root;
    }

    public static Manifest create(String specSha256) {
        ObjectNode root = RunFiles.JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("spec_sha256", specSha256);
        root.putObject("stages");
        root.putObject("files");
        return new Manifest(root);
    }

    /** Reads a manifest written by this or an earlier run of the same folder. */
    public static Manifest read(Path file) {
        try {
            JsonNode node = RunFiles.JSON.readTree(file.toFile());
            int version = node.path("format_version").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException(file + ": manifest format_version " + version + " is not "
                        + FORMAT_VERSION);
            }
            return new Manifest((ObjectNode) node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file, e);
        }
    }

    /** Sets the summary of {@code stage}, replacing an earlier one. */
    public synchronized void putStage(String stage, Object summary) {
        ((ObjectNode) root.get("stages")).set(stage, RunFiles.JSON.valueToTree(summary));
    }

    public synchronized JsonNode stage(String stage) {
        return root.get("stages").get(stage);
    }

    public synchronized void addFile(FileRecord file) {
        ObjectNode entry = RunFiles.JSON.createObjectNode();
        entry.put("bytes", file.bytes());
        entry.put("sha256", file.sha256());
        if (file.rows() != null) {
            entry.put("rows", file.rows());
        }
        ((ObjectNode) root.get("files")).set(file.path(), entry);
    }

    /** Files listed so far: run-relative path to {@code {bytes, sha256, rows}}. */
    public synchronized Map<String, JsonNode> files() {
        Map<String, JsonNode> files = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            files.put(entry.getKey(), entry.getValue());
        }
        return files;
    }

    /** Writes the manifest; its own hash goes only to the audit log. */
    public synchronized void write(RunFiles files, Path file, String stage) {
        try {
            String json = RunFiles.JSON.writeValueAsString(RunFiles.JSON.treeToValue(root, Map.class)) + "\n";
            Files.createDirectories(file.getParent());
            files.writeString(stage, file, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest " + file, e);
        }
    }
}
