package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages over 89, the only ages Safe Harbor treats as identifying: "92 y/o", "92yo", "95-year-old", "aged 94",
 * "Age: 91", "a 93 F", "ninety-two years old", "in her 90s". The span covers the number only.
 */
public final class AgeDetector implements Detector {

    private static final String OVER_89 = "(?:1[01]\\d|9\\d)";
    private static final StartFilteredPattern NUMBER_THEN_UNIT = StartFilteredPattern.compile("(?i)(?<![\\d.,/])(" + OVER_89 + ")"
            + "(?=\\s*-?\\s*(?:y/o|y\\.o\\.?|yo(?:[mf])?|y(?:ea)?rs?\\.?[\\s-]*old|y(?:ea)?r[\\s-]*old"
            + "|y(?:ea)?rs?\\s+of\\s+age|y\\.?o\\.?\\s*(?:m|f|male|female))(?![\\p{L}]))");
    private static final StartFilteredPattern CUE_THEN_NUMBER = StartFilteredPattern.compile(
            "(?i)\\b(?:aged?|age\\s*:|age\\s+of|at\\s+age|age\\s+is|age\\s+was|age\\s*=)\\s*(" + OVER_89 + ")(?![\\d/]|[.,]\\d)");
    private static final StartFilteredPattern NUMBER_THEN_SEX = StartFilteredPattern.compile(
            "(?m)(?:^\\s*|\\b(?:[Aa]n?|is|[Pp]t|[Pp]atient|[Tt]his|IS|PT|PATIENT|THIS)\\s+)(" + OVER_89 + ")\\s?(?:M|F|yoM|yoF)\\b");
    private static final StartFilteredPattern NUMBER_THEN_YEARS = StartFilteredPattern.compile(
            "(?i)(?<![\\d.,/])(" + OVER_89 + ")\\s*(?:yrs?|years?)\\.?(?=\\s*[,;)])");
    private static final Pattern DURATION_BEFORE = Pattern.compile("(?i)\\b(?:for|x|over|past|last)\\s+$");
    private static final StartFilteredPattern SPELLED = StartFilteredPattern.compile("(?i)\\b(ninety(?:[-\\s](?:one|two|three|four|five|six"
            + "|seven|eight|nine))?|one\\s+hundred(?:\\s+(?:and\\s+)?(?:one|two|three|four|five|six|seven|eight|nine"
            + "|ten))?)(?=[-\\s]+years?[-\\s]+old|[-\\s]+year[-\\s]+old|[-\\s]+y/?o\\b)");
    private static final StartFilteredPattern DECADE = StartFilteredPattern.compile(
            "(?i)\\bin\\s+(?:his|her|their|the)\\s+(?:(?:early|mid|late)[-\\s]+)?(90s|90's|nineties|100s)\\b");

    @Override
    public String id() {
        return "age";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        List<PhiSpan> out = new ArrayList<>();
        for (StartFilteredPattern p : new StartFilteredPattern[] {NUMBER_THEN_UNIT, CUE_THEN_NUMBER, NUMBER_THEN_SEX,
            NUMBER_THEN_YEARS, SPELLED, DECADE}) {
            StartFilteredPattern.Finder found = p.finder(text.text());
            while (found.find()) {
                Matcher m = found.matcher();
                if (p == NUMBER_THEN_YEARS && DURATION_BEFORE.matcher(
                        text.text().substring(Math.max(0, m.start() - 6), m.start())).find()) {
                    continue;
                }
                out.add(text.span(m.start(1), m.end(1), PhiType.AGE, id(), 0.9));
            }
        }
        return out;
    }
}
