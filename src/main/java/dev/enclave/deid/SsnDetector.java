package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Social Security numbers: the 3-2-4 shape with dashes or spaces anywhere, and after an "SSN"/"social security"
 * cue also nine plain digits or a masked form (XXX-XX-1234).
 */
public final class SsnDetector implements Detector {

    private static final Pattern SHAPE = Pattern.compile(
            "(?<![\\w\\-/.])(?!000)\\d{3}([-\\s])(?!00)\\d{2}\\1\\d{4}(?![\\w\\-/]|\\.\\d)");
    private static final Pattern CUED = Pattern.compile("(?i)\\b(?:ssn|ss#|ss\\s*no|soc(?:ial)?\\.?\\s*sec(?:urity)?\\.?"
            + "(?:\\s*(?:number|no\\.?|#|num))?)\\s*(?:is|was|of)?\\s*[:#=]?\\s*"
            + "(\\d{3}[-\\s]?\\d{2}[-\\s]?\\d{4}|(?:x{3}|\\*{3}|#{3})[-\\s]?(?:x{2}|\\*{2}|#{2})[-\\s]?\\d{4})(?![\\w-])");

    @Override
    public String id() {
        return "ssn";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        List<PhiSpan> out = new ArrayList<>();
        Matcher m = SHAPE.matcher(text.text());
        while (m.find()) {
            out.add(text.span(m.start(), m.end(), PhiType.SSN, id(), 0.9));
        }
        m = CUED.matcher(text.text());
        while (m.find()) {
            out.add(text.span(m.start(1), m.end(1), PhiType.SSN, id(), 0.97));
        }
        return out;
    }
}
