package dev.enclave.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Appends plain text and PHI, recording each PHI value as a span in code points. */
final class TextBuilder {
    private final StringBuilder text = new StringBuilder();
    private final List<Span> spans = new ArrayList<>();
    private int codePoints;

    TextBuilder text(String plain) {
        text.append(plain);
        codePoints += plain.codePointCount(0, plain.length());
        return this;
    }

    TextBuilder phi(Phi phi) {
        int start = codePoints;
        text(phi.text());
        spans.add(new Span(start, codePoints, phi.type()));
        return this;
    }

    /** Appends another annotated text, passing each plain run and each PHI value through {@code transform}. */
    TextBuilder append(AnnotatedText part, UnaryOperator<String> transform) {
        String source = part.text();
        int offset = 0;
        int position = 0;
        for (Span span : part.spans()) {
            int start = source.offsetByCodePoints(offset, span.start() - position);
            int end = source.offsetByCodePoints(start, span.end() - span.start());
            text(transform.apply(source.substring(offset, start)));
            phi(new Phi(transform.apply(source.substring(start, end)), span.type()));
            offset = end;
            position = span.end();
        }
        return text(transform.apply(source.substring(offset)));
    }

    /** Length so far in code points. */
    int length() {
        return codePoints;
    }

    boolean endsWith(String suffix) {
        int from = text.length() - suffix.length();
        return from >= 0 && text.indexOf(suffix, from) == from;
    }

    AnnotatedText build() {
        return new AnnotatedText(text.toString(), spans);
    }
}
