package dev.enclave.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The licence a model folder declares.
 *
 * @param id the licence identifier in lower case (e.g. {@code apache-2.0}, {@code mit}), or {@value #UNKNOWN}
 * @param file the licence text file, when the folder has one
 * @param declaredIn where the identifier was found, e.g. {@code README.md front matter}
 */
public record ModelLicense(String id, Optional<Path> file, String declaredIn) {

    /** The identifier used when no licence could be determined. */
    public static final String UNKNOWN = "unknown";

    /**
     * Tells whether a licence was found.
     *
     * @return false when the id is {@value #UNKNOWN}
     */
    public boolean isKnown() {
        return !UNKNOWN.equals(id);
    }
}
