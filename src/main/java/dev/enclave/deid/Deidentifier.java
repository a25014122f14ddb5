package dev.enclave.deid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds and replaces PHI in free text following HIPAA Safe Harbor. Immutable and thread-safe; the dictionaries are
 * loaded once per JVM, so an instance can be captured in a Spark UDF and called per row with no setup.
 *
 * <pre>{@code
 * Deidentifier deid = Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(42).build();
 * Redaction r = deid.redact(noteText, patientId);
 * }</pre>
 */
public final class Deidentifier implements Serializable {

    private final List<Detector> detectors;
    private final RedactionMode mode;
    private final long seed;
    private final SurrogateGenerator surrogates;

    private Deidentifier(Builder b) {
        this.detectors = List.copyOf(b.detectors);
        this.mode = b.mode;
        this.seed = b.seed;
        this.surrogates = new SurrogateGenerator(b.seed);
    }

    /** A builder with every standard detector, {@link RedactionMode#MASK} and seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every detector shipped with Enclave, one per kind of evidence. */
    public static List<Detector> standardDetectors() {
        return List.of(new DateDetector(), new AgeDetector(), new PhoneDetector(), new EmailDetector(),
                new UrlDetector(), new IpAddressDetector(), new SsnDetector(), new IdentifierCueDetector(),
                new IdShapeDetector(), new ZipDetector(), new AddressDetector(), new LocationDetector(),
                new FacilityDetector(), new NameDetector());
    }

    public List<Detector> detectors() {
        return detectors;
    }

    public RedactionMode mode() {
        return mode;
    }

    public long seed() {
        return seed;
    }

    /** Disjoint PHI spans in document order, as code point offsets of {@code text}. */
    public List<PhiSpan> detect(String text) {
        return detect(AnalyzedText.of(text));
    }

    private List<PhiSpan> detect(AnalyzedText analyzed) {
        List<PhiSpan> candidates = new ArrayList<>();
        for (Detector detector : detectors) {
            candidates.addAll(detector.detect(analyzed));
        }
        return SpanResolver.resolve(candidates, analyzed);
    }

    /** {@link #redact(String, String)} with an empty group key. */
    public Redaction redact(String text) {
        return redact(text, "");
    }

    /**
     * Replaces every PHI span according to the mode. Surrogates are consistent within {@code groupKey}: the same
     * name gets the same replacement, and every date moves by the same number of days.
     */
    public Redaction redact(String text, String groupKey) {
        Objects.requireNonNull(groupKey, "groupKey");
        AnalyzedText analyzed = AnalyzedText.of(text);
        List<PhiSpan> spans = detect(analyzed);
        StringBuilder out = new StringBuilder(text.length());
        List<String> replacements = new ArrayList<>(spans.size());
        int copied = 0;
        for (PhiSpan span : spans) {
            int start = analyzed.charOffset(span.start());
            int end = analyzed.charOffset(span.end());
            out.append(text, copied, start);
            String replacement = replacement(span.type(), text.substring(start, end), groupKey);
            out.append(replacement);
            replacements.add(replacement);
            copied = end;
        }
        out.append(text, copied, text.length());
        return new Redaction(out.toString(), spans, replacements);
    }

    /** The typed mask that {@link RedactionMode#MASK} writes for {@code type}, e.g. {@code [NAME]}. */
    public static String mask(PhiType type) {
        return "[" + type.name() + "]";
    }

    private String replacement(PhiType type, String original, String groupKey) {
        return switch (mode) {
            case MASK -> mask(type);
            case SURROGATE -> surrogates.surrogate(type, original, groupKey);
        };
    }

    /** Options for a {@link Deidentifier}. */
    public static final class Builder {
        private List<Detector> detectors = standardDetectors();
        private RedactionMode mode = RedactionMode.MASK;
        private long seed;

        private Builder() {
        }

        /** Replaces the detector list (default: {@link #standardDetectors()}). */
        public Builder detectors(List<? extends Detector> value) {
            this.detectors = new ArrayList<>(Objects.requireNonNull(value, "detectors"));
            return this;
        }

        /** Adds one detector to the list. */
        public Builder addDetector(Detector detector) {
            this.detectors = new ArrayList<>(detectors);
            this.detectors.add(Objects.requireNonNull(detector, "detector"));
            return this;
        }

        public Builder mode(RedactionMode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** Seed of the surrogates and date offsets. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Deidentifier build() {
            if (detectors.isEmpty()) {
                throw new IllegalStateException("a Deidentifier needs at least one detector");
            }
            return new Deidentifier(this);
        }
    }
}
