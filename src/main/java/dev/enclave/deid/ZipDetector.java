package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * ZIP codes (12345 or 12345-6789) where a five-digit number is known to be one: after a state name or postal
 * abbreviation ("Boston, MA 02115", "Ohio 43215"), after "zip"/"postal code", and any ZIP+4.
 */
public final class ZipDetector implements Detector {

    private static final String ZIP = "(\\d{5}(?:-\\d{4})?)(?![\\w-])";
    private static final StartFilteredPattern AFTER_ABBREVIATION = StartFilteredPattern.compile(
            "\\b" + UsStates.ABBREVIATION_REGEX + "\\.?,?[ \\t]{1,3}" + ZIP);
    private static final StartFilteredPattern AFTER_NAME = StartFilteredPattern.compile(
            "(?i)(?-i:(?=[A-Z]))\\b" + UsStates.NAME_REGEX + ",?[ \\t]{1,3}" + ZIP);
    private static final StartFilteredPattern AFTER_CUE = StartFilteredPattern.compile(
            "(?i)\\b(?:zip|zip\\s*code|zipcode|postal\\s*code|postcode)\\s*(?:is)?\\s*[:#]?\\s*" + ZIP);
    private static final StartFilteredPattern ZIP_PLUS_FOUR = StartFilteredPattern.compile("(?<![\\w-])(\\d{5}-\\d{4})(?![\\w-])");

    @Override
    public String id() {
        return "zip";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        List<PhiSpan> out = new ArrayList<>();
        add(text, AFTER_ABBREVIATION, 0.9, out);
        add(text, AFTER_NAME, 0.9, out);
        add(text, AFTER_CUE, 0.95, out);
        add(text, ZIP_PLUS_FOUR, 0.7, out);
        return out;
    }

    private void add(AnalyzedText text, StartFilteredPattern p, double confidence, List<PhiSpan> out) {
        StartFilteredPattern.Finder found = p.finder(text.text());
        while (found.find()) {
            Matcher m = found.matcher();
            out.add(text.span(m.start(1), m.end(1), PhiType.ZIP, id(), confidence));
        }
    }
}
