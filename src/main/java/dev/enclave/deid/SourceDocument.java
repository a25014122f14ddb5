package dev.enclave.deid;

import java.util.Objects;

/**
 * One text to de-identify, read from an input file.
 *
 * @param id document id
 * @param text the text
 * @param group surrogate group key (a patient or matter id; the document id when none is given)
 * @param line one-based line or record number in the file, for error messages
 */
public record SourceDocument(String id, String text, String group, long line) {

    public SourceDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(group, "group");
    }
}
