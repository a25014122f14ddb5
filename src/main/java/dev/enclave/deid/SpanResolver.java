package dev.enclave.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns overlapping candidate spans into a set of disjoint ones, deterministically: longer spans first, then higher
 * confidence, then the type that is more specific (the order below), then earlier start. Afterwards spans of one
 * type that touch or are separated only by spaces or tabs are merged.
 */
final class SpanResolver {

    private static final List<PhiType> PRIORITY = List.of(PhiType.SSN, PhiType.EMAIL, PhiType.URL, PhiType.IP,
            PhiType.FAX, PhiType.PHONE, PhiType.MRN, PhiType.HEALTH_PLAN, PhiType.ACCOUNT, PhiType.LICENSE,
            PhiType.DEVICE, PhiType.VEHICLE, PhiType.BIOMETRIC, PhiType.DATE, PhiType.AGE, PhiType.ZIP,
            PhiType.ADDRESS, PhiType.FACILITY, PhiType.LOCATION, PhiType.NAME, PhiType.OTHER_ID);

    private static final Comparator<PhiSpan> PREFERENCE = Comparator.comparingInt(PhiSpan::length).reversed()
            .thenComparing(Comparator.comparingDouble(PhiSpan::confidence).reversed())
            .thenComparingInt(s -> PRIORITY.indexOf(s.type()))
            .thenComparingInt(PhiSpan::start)
            .thenComparing(PhiSpan::detector);

    private SpanResolver() {
    }

    static List<PhiSpan> resolve(List<PhiSpan> candidates, AnalyzedText text) {
        List<PhiSpan> sorted = new ArrayList<>(candidates);
        sorted.sort(PREFERENCE);
        List<PhiSpan> chosen = new ArrayList<>();
        for (PhiSpan candidate : sorted) {
            if (chosen.stream().noneMatch(candidate::overlaps)) {
                chosen.add(candidate);
            }
        }
        chosen.sort(PhiSpan.DOCUMENT_ORDER);
        return merge(chosen, text);
    }

    private static List<PhiSpan> merge(List<PhiSpan> spans, AnalyzedText text) {
        List<PhiSpan> out = new ArrayList<>();
        for (PhiSpan span : spans) {
            if (!out.isEmpty()) {
                PhiSpan previous = out.get(out.size() - 1);
                if (previous.type() == span.type() && onlySpaces(text, previous.end(), span.start())) {
                    out.set(out.size() - 1, new PhiSpan(previous.start(), span.end(), span.type(), previous.detector(),
                            Math.max(previous.confidence(), span.confidence())));
                    continue;
                }
            }
            out.add(span);
        }
        return out;
    }

    private static boolean onlySpaces(AnalyzedText text, int fromCodePoint, int toCodePoint) {
        String s = text.text();
        int from = text.charOffset(fromCodePoint);
        int to = text.charOffset(toCodePoint);
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }
}
