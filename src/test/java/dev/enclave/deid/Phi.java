package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;

/** Test helper: runs detectors and reads spans back as text. */
final class Phi {

    record Found(String text, PhiType type) {
    }

    private static final Deidentifier STANDARD = Deidentifier.builder().build();

    private Phi() {
    }

    /** What the standard engine finds, after overlap resolution. */
    static List<Found> find(String text) {
        return read(text, STANDARD.detect(text));
    }

    /** What one detector finds, overlaps resolved. */
    static List<Found> find(Detector detector, String text) {
        AnalyzedText analyzed = AnalyzedText.of(text);
        return read(text, SpanResolver.resolve(detector.detect(analyzed), analyzed));
    }

    static List<String> texts(List<Found> found) {
        return found.stream().map(Found::text).toList();
    }

    static List<String> texts(Detector detector, String text) {
        return texts(find(detector, text));
    }

    static List<String> texts(String text) {
        return texts(find(text));
    }

    /** The substring of a span given in code points. */
    static String cut(String text, PhiSpan span) {
        return text.substring(text.offsetByCodePoints(0, span.start()), text.offsetByCodePoints(0, span.end()));
    }

    private static List<Found> read(String text, List<PhiSpan> spans) {
        List<Found> out = new ArrayList<>();
        for (PhiSpan s : spans) {
            out.add(new Found(cut(text, s), s.type()));
        }
        return out;
    }
}
