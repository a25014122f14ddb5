package dev.enclave.sample;

import java.util.List;

/** A generated text with its gold PHI spans, sorted and non-overlapping. */
record AnnotatedText(String text, List<Span> spans) {
    AnnotatedText {
        spans = List.copyOf(spans);
    }
}
