package dev.enclave.deid;

import java.util.List;
import java.util.Objects;

/**
 * A de-identified text and the spans that were replaced.
 *
 * @param text the text with every span replaced
 * @param spans the replaced spans, in document order, as code point offsets of the <em>input</em> text
 * @param replacements what was put in place of each span, parallel to {@code spans}: a typed mask such as
 *     {@code [NAME]} or a surrogate. Never original text; a residual scan uses them to tell Enclave's own
 *     replacements from PHI that got through
 */
public record Redaction(String text, List<PhiSpan> spans, List<String> replacements) {

    public Redaction {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
        replacements = List.copyOf(replacements);
        if (replacements.size() != spans.size()) {
            throw new IllegalArgumentException("one replacement per span: " + spans.size() + " spans, "
                    + replacements.size() + " replacements");
        }
    }
}
