package dev.enclave.deid;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * One stretch of protected health information in a text, as half-open offsets in Unicode code points
 * ({@code start} inclusive, {@code end} exclusive), so that offsets mean the same in Java, Python and JSON consumers.
 *
 * @param start first code point of the span
 * @param end code point after the last one
 * @param type kind of PHI
 * @param detector id of the detector that found it ({@code "gold"} for reference annotations)
 * @param confidence the detector's confidence in [0, 1]; used to break ties between overlapping candidates
 */
public record PhiSpan(int start, int end, PhiType type, String detector, double confidence) implements Serializable {

    /** Document order: by start, then longer first, then type. */
    public static final Comparator<PhiSpan> DOCUMENT_ORDER = Comparator.comparingInt(PhiSpan::start)
            .thenComparing(Comparator.comparingInt(PhiSpan::end).reversed())
            .thenComparing(PhiSpan::type);

    public PhiSpan {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detector, "detector");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start < end, got [" + start + ", " + end + ")");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must lie in [0, 1], got " + confidence);
        }
    }

    /** A reference (gold) span. */
    public static PhiSpan of(int start, int end, PhiType type) {
        return new PhiSpan(start, end, type, "gold", 1.0);
    }

    /** Length in code points. */
    public int length() {
        return end - start;
    }

    /** Whether the two spans share at least one code point. */
    public boolean overlaps(PhiSpan other) {
        return start < other.end && other.start < end;
    }

    /** Whether both spans cover exactly the same code points. */
    public boolean sameExtent(PhiSpan other) {
        return start == other.start && end == other.end;
    }

    /** This span with another type, detector and confidence kept. */
    public PhiSpan withType(PhiType newType) {
        return new PhiSpan(start, end, newType, detector, confidence);
    }
}
