package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses: a house number, an optional direction, one to four capitalised street-name words (or an
 * ordinal such as 5th) and a street suffix (Street, St., Ave, Road, Blvd, Lane, Way, Court...), then an optional
 * direction and unit (Apt 4B, Suite 200, #12); also post-office boxes, numbered routes, intersections ("Oak Blvd
 * and Halsted St") and street names after a residence cue ("lives off Cedar Rd."). City, state and ZIP that follow
 * are left to the location and ZIP detectors.
 */
public final class AddressDetector implements Detector {

    /** Spaces or tabs: an address never reaches across a line break. */
    private static final String SPACE = "[ \\t]+";
    private static final String NUMBER = "\\d{1,6}(?:/\\d)?(?:-?[A-Za-z](?![\\w]))?(?:-\\d{1,5})?";
    private static final String DIRECTION = "(?:[NSEW]|NE|NW|SE|SW|North|South|East|West|NORTH|SOUTH|EAST|WEST)\\.?";
    private static final String NAME_WORD = "(?:[A-Z][A-Za-z'\u2019.-]*|\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))";
    private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court"
            + "|Ct|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Pike|Loop|Alley|Plaza"
            + "|Plz|Row|Crescent|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke|Causeway|Path|Run|Walk|Ridge|Heights|Hts"
            + "|Crossing|Commons|Point|Landing|Hollow|Glen|Cove|Bend|Mall|Mews|Gardens|Park|Grove|Hill"
            + "|Manor|Close|Green)";
    private static final String UNIT = "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Room|Rm|Lot"
            + "|Trlr|Box|APT|SUITE|STE|UNIT|BLDG|FLOOR|FL|ROOM|RM|LOT)\\.?[ \\t]*#?[ \\t]*[A-Za-z0-9][A-Za-z0-9-]{0,5}"
            + "|,?[ \\t]*#[ \\t]*[A-Za-z0-9][A-Za-z0-9-]{0,5})";
    private static final StartFilteredPattern STREET = StartFilteredPattern.compile("(?<![\\w.,/\\-])" + NUMBER + SPACE + "(?:" + DIRECTION + SPACE + ")?"
            + "(?:" + NAME_WORD + SPACE + "){1,4}(?:" + SUFFIX + "|" + SUFFIX.toUpperCase(java.util.Locale.ROOT) + ")"
            + "(?![\\w'])\\.?(?:" + SPACE + DIRECTION + "(?![\\w]))?" + UNIT + "?");
    private static final String STREET_NAME = "(?:" + DIRECTION + SPACE + ")?(?:" + NAME_WORD + SPACE + "){1,3}(?:" + SUFFIX + "|"
            + SUFFIX.toUpperCase(java.util.Locale.ROOT) + ")(?![\\w'])\\.?";
    private static final StartFilteredPattern INTERSECTION = StartFilteredPattern.compile("(?<![\\w])" + STREET_NAME
            + SPACE + "(?:and|AND|&|at|AT|/)" + SPACE + STREET_NAME);
    private static final StartFilteredPattern CUED_STREET = StartFilteredPattern.compile("(?i:\\b(?:lives?|living|resides?|residing|located"
            + "|home|house|apartment|apt|corner|walking|driving|crossing|parked)\\s+(?:off|on|at|near|of)(?:\\s+of)?\\s+)"
            + "(" + STREET_NAME + ")");
    private static final Pattern FUNCTION_WORD = Pattern.compile(
            "(?<=\\s)(?:AND|OR|THE|OF|TO|WITH|FOR|IN|ON|AT|BY|WAS|IS|ARE|WERE|HAS|HAD|PER|FAILED|TIMES)(?=\\s)");
    private static final StartFilteredPattern PO_BOX = StartFilteredPattern.compile("(?i)\\bP\\.?\\s?O\\.?\\s*Box\\s+#?\\d{1,6}\\b");
    private static final StartFilteredPattern ROUTE = StartFilteredPattern.compile(
            "(?<![\\w.,/\\-])\\d{1,6}" + SPACE + "(?:(?:State|County|US|U\\.S\\.)" + SPACE + ")?(?:Route|Rte|Highway|Hwy|RR)\\.?"
                    + SPACE + "\\d{1,4}\\b");
    private static final Pattern SALUTATION = Pattern.compile(
            "(?<=[ \\t])(?:Dear|DEAR|To|TO|Attn|ATTN|Attention|ATTENTION|Hi|HI|Hello|HELLO|Re|RE|Cc|CC|From|FROM)(?=[ \\t:,])");
    private static final Pattern YEAR = Pattern.compile("(?:18|19|20)\\d\\d");
    private static final Pattern DAY_AND_MONTH_BEFORE = Pattern.compile("(?i)(?:(?<!\\p{L})" + DateDetector.MONTH
            + "[ \\t]*(?:the[ \\t]+)?\\d{1,2}(?:st|nd|rd|th)?|(?<![\\p{L}\\d])\\d{1,2}(?:st|nd|rd|th)?[ \\t-]*(?:of[ \\t]+)?"
            + DateDetector.MONTH + "),?[ \\t-]*$");

    @Override
    public String id() {
        return "address";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        List<PhiSpan> out = new ArrayList<>();
        for (StartFilteredPattern p : new StartFilteredPattern[] {STREET, PO_BOX, ROUTE, INTERSECTION, CUED_STREET}) {
            StartFilteredPattern.Finder found = p.finder(text.text());
            while (found.find()) {
                Matcher m = found.matcher();
                if ((p == STREET || p == ROUTE) && (FUNCTION_WORD.matcher(m.group()).find() || yearOfDate(text.text(), m))) {
                    continue;
                }
                if (p == STREET && SALUTATION.matcher(m.group()).find()) {
                    continue;
                }
                int start = p == CUED_STREET ? m.start(1) : m.start();
                int end = p == CUED_STREET ? m.end(1) : m.end();
                while (end > start && (text.text().charAt(end - 1) == ',' || text.text().charAt(end - 1) == ' ')) {
                    end--;
                }
                out.add(text.span(start, end, PhiType.ADDRESS, id(), p == CUED_STREET ? 0.75 : 0.9));
            }
        }
        return out;
    }

    /** Whether the house number is the year of a date written just before it ("Jan 02 2024 Dear Dr."). */
    private static boolean yearOfDate(String s, Matcher m) {
        int numberEnd = m.start();
        while (numberEnd < m.end() && Character.isDigit(s.charAt(numberEnd))) {
            numberEnd++;
        }
        return YEAR.matcher(s).region(m.start(), numberEnd).matches()
                && DAY_AND_MONTH_BEFORE.matcher(s).region(Math.max(0, m.start() - 24), m.start()).find();
    }
}
