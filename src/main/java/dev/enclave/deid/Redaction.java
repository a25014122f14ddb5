package dev.enclave.deid;

import java.util.List;
import java.util.Objects;

/**
 * A de-identified text and the spans that were replaced.
 *
 * @param text the text with every span replaced
 * @param spans the replaced spans, in document order, as code point offsets of the <em>input</em> text
 */
public record Redaction(String text, List<PhiSpan> spans) {

    public Redaction {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
    }
}
