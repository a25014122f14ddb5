package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The filtered search returns exactly the matches of {@link Matcher#find()}, whatever the pattern begins with. */
class StartFilteredPatternTest {

    private static final String TEXT = "MRN: 0048213. Pt lives in Dayton; medical record # A-55102 (aged 93), "
            + "seen by Dr. Ng.\nDEAR MS. LEE,\n/s/ J. Roe  bamrn mrn:5 Mrn#7 \u00c9lodie lives\tnear Ohio 43215 x\u00e9mrn \u00e9 mrn"
            + " a a aa 3/14 \u2019s , , ::";

    @ParameterizedTest
    @ValueSource(strings = {
        "(?i)\\b(?:mrn|medical\\s+record|mr\\s*#)(?![\\p{L}])",
        "(?i)(?:\\b(?:seen|signed)\\s+by\\s*|\\bdear\\s+|/s/\\s*)",
        "(?<![\\w.,/\\-])\\d{1,6}[ \\t]+[A-Z]\\w*",
        "(?<=\\s)(?:AND|OR|THE)(?=\\s)",
        "\\bNo\\.\\s*",
        "(?i)\\b(?:aged?|age\\s*:)\\s*(9\\d)",
        "a*",
        "[^\\s]",
        "(?m)^\\s*\\w+",
        "\\p{L}+",
        "\\B\\w",
        ",\\s*,|::|\\b"
    })
    void sameMatchesAsFind(String regex) {
        Pattern p = Pattern.compile(regex);
        List<String> expected = new ArrayList<>();
        Matcher m = p.matcher(TEXT);
        while (m.find()) {
            expected.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        List<String> actual = new ArrayList<>();
        StartFilteredPattern.Finder f = new StartFilteredPattern(p).finder(TEXT);
        while (f.find()) {
            actual.add(f.matcher().start() + "-" + f.matcher().end() + ":" + f.matcher().group());
        }
        assertEquals(expected, actual);
    }
}
