package dev.enclave.model;

import dev.enclave.model.bundled.MiniLmImporter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Shared helpers for tests that use the bundled all-MiniLM-L6-v2. */
public final class MiniLmFixture {

    private MiniLmFixture() {}

    /**
     * Imports the bundled model into {@code parent/all-minilm-l6-v2} and opens it.
     *
     * @param parent a temporary directory
     * @return the opened folder
     * @throws IOException if the import fails
     */
    public static HfModelFolder importInto(Path parent) throws IOException {
        Path folder = parent.resolve("all-minilm-l6-v2");
        MiniLmImporter.importTo(folder);
        return HfModelFolder.open(folder);
    }

    /**
     * Reads a classpath resource of the bundled model jar.
     *
     * @param name the resource name
     * @return its bytes
     * @throws IOException if it is missing
     */
    public static byte[] resource(String name) throws IOException {
        try (InputStream in = MiniLmFixture.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
