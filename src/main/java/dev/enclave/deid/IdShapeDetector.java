package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers recognised by shape alone, without a cue: 17-character VINs, MAC addresses, federal and state
 * docket numbers (2:24-cv-01234-ABC, 24-CV-1187, CV-2024-001234), letter-and-digit codes with at least four digits
 * (A1234567, XJH-448812) and runs of seven or more digits. Numbers with units (1000MG) and year ranges
 * (2019-2024) are left alone.
 */
public final class IdShapeDetector implements Detector {

    private static final Pattern VIN = Pattern.compile(
            "(?<![\\w-])(?=[A-HJ-NPR-Z0-9]{17}(?![\\w-]))(?=[0-9]*[A-HJ-NPR-Z])(?=[A-Z]*[0-9])[A-HJ-NPR-Z0-9]{17}(?![\\w-])");
    private static final Pattern MAC = Pattern.compile(
            "(?<![\\w:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![\\w:-])");
    private static final Pattern DOCKET = Pattern.compile("(?<![\\w-])(?:\\d{1,2}:\\d{2}-[A-Za-z]{2,4}-\\d{2,6}"
            + "(?:-[A-Za-z0-9]{1,5})*|(?:[A-Z]{1,4}-?)?\\d{2,4}-[A-Z]{1,5}-\\d{2,8}(?:-[A-Z0-9]{1,5})*"
            + "|[A-Z]{2,5}-\\d{4}-\\d{3,8}(?:-[A-Z0-9]{1,5})*)(?![\\w-])");
    private static final Pattern CODE = Pattern.compile(
            "(?<![\\w\\-/.])(?=[A-Za-z0-9-]*[A-Z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\\w\\-/]|\\.\\w)");
    private static final Pattern DIGITS = Pattern.compile(
            "(?<![\\w.,/\\-])\\d{2,}(?:-\\d{2,}){0,4}(?![\\w,/\\-]|\\.\\d)");
    private static final Pattern UNIT = Pattern.compile("(?i)\\d+(?:mg|mcg|ml|meq|iu|units?|mm|cm|kg|hrs?|min|mmol|ng|pg|cc"
            + "|l|g|x|pm|am|mmhg|bpm|lbs?|oz|ft|in|yo|yrs?|st|nd|rd|th|s|k|m|kb|mb|gb|d|w|h)");
    private static final Pattern TIME_RANGE = Pattern.compile("(?:[01]\\d|2[0-4])[0-5]\\d-(?:[01]\\d|2[0-4])[0-5]\\d");
    private static final Pattern YEAR_RANGE = Pattern.compile("(?:19|20)\\d\\d-(?:19|20)?\\d\\d");

    @Override
    public String id() {
        return "id-shape";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        String s = text.text();
        List<PhiSpan> out = new ArrayList<>();
        add(text, VIN.matcher(s), PhiType.VEHICLE, 0.85, out);
        add(text, MAC.matcher(s), PhiType.DEVICE, 0.85, out);
        add(text, DOCKET.matcher(s), PhiType.OTHER_ID, 0.8, out);
        Matcher code = CODE.matcher(s);
        while (code.find()) {
            String c = code.group();
            long digits = c.chars().filter(Character::isDigit).count();
            if (c.length() >= 6 && digits >= 4 && !UNIT.matcher(c).matches()) {
                out.add(text.span(code.start(), code.end(), PhiType.OTHER_ID, id(), 0.6));
            }
        }
        Matcher digits = DIGITS.matcher(s);
        while (digits.find()) {
            String d = digits.group();
            long count = d.chars().filter(Character::isDigit).count();
            if (count >= 7 && !YEAR_RANGE.matcher(d).matches() && !TIME_RANGE.matcher(d).matches()) {
                out.add(text.span(digits.start(), digits.end(), PhiType.OTHER_ID, id(), 0.5));
            }
        }
        return out;
    }

    private void add(AnalyzedText text, Matcher m, PhiType type, double confidence, List<PhiSpan> out) {
        while (m.find()) {
            out.add(text.span(m.start(), m.end(), type, id(), confidence));
        }
    }
}
