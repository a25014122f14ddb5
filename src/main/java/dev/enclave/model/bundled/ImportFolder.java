package dev.enclave.model.bundled;

import dev.enclave.model.HfModelFolder;
import dev.enclave.util.Hashing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A model folder being imported: files are written to a hidden staging folder beside the target, which is renamed
 * into place by {@link #commit()}, so the target is never half written. Closing without committing deletes the
 * staging folder.
 */
final class ImportFolder implements AutoCloseable {

    /** The provenance file written into every imported folder. */
    static final String IMPORT_RECORD_FILE = "enclave-import.json";
    /** Version of the {@value #IMPORT_RECORD_FILE} layout. */
    static final int IMPORT_RECORD_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String LICENSE_RESOURCE_DIR = "dev/enclave/model/";

    private final Path target;
    private final Path staging;

    private ImportFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks that the target is new or empty and creates the staging folder beside it.
     *
     * @param folder the target
     * @return the staging folder
     * @throws IOException if the target exists and is not an empty directory, or the parent cannot be written
     */
    static ImportFolder stage(Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        requireFreshTarget(target);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        return new ImportFolder(target, Files.createTempDirectory(parent, "." + target.getFileName() + ".import-"));
    }

    /**
     * Returns the final folder.
     *
     * @return the absolute, normalised target
     */
    Path target() {
        return target;
    }

    /**
     * Returns a file in the staging folder.
     *
     * @param name the file name
     * @return its path
     */
    Path file(String name) {
        return staging.resolve(name);
    }

    /**
     * Writes a value as indented JSON.
     *
     * @param name the file name
     * @param value the value
     * @throws IOException if writing fails
     */
    void writeJson(String name, Object value) throws IOException {
        JSON.writeValue(file(name).toFile(), value);
    }

    /**
     * Writes bytes.
     *
     * @param name the file name
     * @param bytes the content
     * @throws IOException if writing fails
     */
    void write(String name, byte[] bytes) throws IOException {
        Files.write(file(name), bytes);
    }

    /**
     * Writes the model card: {@code license:} and {@code base_model:} front matter, then the body.
     *
     * @param model the model
     * @param body Markdown after the front matter
     * @throws IOException if writing fails
     */
    void writeReadme(BundledModel model, String body) throws IOException {
        String card = "---\n"
                + "license: " + model.license() + "\n"
                + "base_model: " + model.upstreamModel() + "\n"
                + "library_name: enclave\n"
                + "---\n\n"
                + "# " + model.modelName() + "\n\n"
                + body;
        Files.writeString(file(HfModelFolder.README_FILE), card, StandardCharsets.UTF_8);
    }

    /**
     * Writes the model's licence text (from Enclave's resources) as {@code LICENSE}.
     *
     * @param model the model
     * @throws IOException if the licence text is missing or writing fails
     */
    void writeLicense(BundledModel model) throws IOException {
        String name = LICENSE_RESOURCE_DIR + model.license() + ".txt";
        try (InputStream in = ImportFolder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("classpath resource '" + name + "' (licence text of " + model.modelName()
                        + ") is missing");
            }
            write("LICENSE", in.readAllBytes());
        }
    }

    /**
     * Hashes every staged file and moves the folder into place.
     *
     * @return SHA-256 of every file written, by file name
     * @throws IOException if the target was filled meanwhile or the move fails
     */
    SortedMap<String, String> commit() throws IOException {
        SortedMap<String, String> written = new TreeMap<>();
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                written.put(file.getFileName().toString(), Hashing.sha256Hex(file));
            }
        }
        requireFreshTarget(target);
        Files.deleteIfExists(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    /** Deletes the staging folder if it was not committed. */
    @Override
    public void close() throws IOException {
        deleteRecursively(staging);
    }

    /**
     * Deletes a folder and everything in it; nothing happens if it does not exist.
     *
     * @param root the folder
     * @throws IOException if deleting fails
     */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void requireFreshTarget(Path target) throws IOException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a directory");
            }
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new DirectoryNotEmptyException(target + " (refusing to import into a non-empty folder)");
                }
            }
        }
    }
}
