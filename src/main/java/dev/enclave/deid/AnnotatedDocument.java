package dev.enclave.deid;

import java.util.List;
import java.util.Objects;

/**
 * A text with its reference (gold) PHI spans, as a data steward annotated it.
 *
 * @param id document id
 * @param text the original text
 * @param spans gold spans, code point offsets of {@code text}
 */
public record AnnotatedDocument(String id, String text, List<PhiSpan> spans) {

    public AnnotatedDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
    }
}
