package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in every common written form, with an optional time: numeric (3/14/2024, 03-14-24, 14.03.2024, ISO
 * 2024-03-14T14:05), textual (March 14th, 2024; 14 Mar 2024; 14-Mar-24; Thursday, March 14), month and year
 * (March 2024, 03/2024), a month alone after a preposition ("in March"), a bare day ("on the 14th") and month/day
 * without a year after a date cue ("on 3/14"). A bare year is never a date. Fractions, scores and blood pressures
 * (2/3, 4/5 strength, 120/80) are not dates: month/day without a year needs a cue and valid ranges.
 */
public final class DateDetector implements Detector {

    static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?!\\p{L})\\.?";
    private static final String MONTH_FULL = "(?:January|February|March|April|May|June|July|August|September"
            + "|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\p{L}\\d])";
    private static final String YEAR = "(?:(?:1[89]|20)\\d\\d|['\u2019]\\d\\d)(?!\\d)";
    private static final String WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|mon|tues?|wed|thur?s?|fri|sat|sun)(?!\\p{L})\\.?";
    private static final String TIME = "(?:(?:T|,?\\s+(?:at\\s+|@\\s*)?|\\s*@\\s*)(?:[01]?\\d|2[0-3]):[0-5]\\d"
            + "(?::[0-5]\\d(?:\\.\\d+)?)?(?:\\s*(?:[ap]\\.m\\.|[ap]m\\b))?(?:\\s*(?:z|utc|gmt|[+-]\\d\\d:?\\d\\d|[ecmp][sd]t)\\b)?"
            + "|\\s+(?:at\\s+|@\\s*)(?:1[0-2]|0?[1-9])\\s*(?:[ap]\\.m\\.|[ap]m\\b))";

    private static final StartFilteredPattern ISO = StartFilteredPattern.compile(
            "(?<![\\w/.:])(?:1[89]|20)\\d\\d([-/.])(?:0?[1-9]|1[0-2])\\1(?:[12]\\d|3[01]|0?[1-9])"
                    + "(?:" + TIME + "|(?![\\w]|[-/.]\\d))", Pattern.CASE_INSENSITIVE);
    private static final StartFilteredPattern NUMERIC = StartFilteredPattern.compile(
            "(?<![\\w/.:])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:" + TIME + "|(?![\\w]|[-/.]\\d))",
            Pattern.CASE_INSENSITIVE);
    private static final StartFilteredPattern MONTH_DAY_NUMERIC = StartFilteredPattern.compile("(\\d{1,2})/(\\d{1,2})(?![\\w/]|\\.\\d)");
    private static final StartFilteredPattern MONTH_YEAR_NUMERIC = StartFilteredPattern.compile(
            "(?<![\\w/.:])(?:0?[1-9]|1[0-2])/(?:19|20)\\d\\d(?![\\w/]|\\.\\d)");
    private static final StartFilteredPattern MONTH_FIRST = StartFilteredPattern.compile(
            "(?<![\\p{L}\\d])(?:" + WEEKDAY + ",?\\s+)?" + MONTH + "\\s*(?:the\\s+)?" + DAY
                    + "(?:(?:,\\s*|\\s+|-)(?:of\\s+)?" + YEAR + ")?(?:" + TIME + ")?", Pattern.CASE_INSENSITIVE);
    private static final StartFilteredPattern DAY_FIRST = StartFilteredPattern.compile(
            "(?<![\\p{L}\\d/.])(?:" + WEEKDAY + ",?\\s+(?:the\\s+)?)?" + DAY + "(?:\\s+of)?\\s*[-/.\\s]\\s*" + MONTH
                    + "(?:,?\\s*[-/.\\s]\\s*(?:" + YEAR + "|\\d\\d(?![\\d\\p{L}])))?(?:" + TIME + ")?",
            Pattern.CASE_INSENSITIVE);
    private static final StartFilteredPattern MONTH_YEAR = StartFilteredPattern.compile(
            "(?<![\\p{L}\\d])" + MONTH + "(?:,?\\s*|\\s+of\\s+|-)" + YEAR, Pattern.CASE_INSENSITIVE);
    private static final StartFilteredPattern MONTH_ALONE = StartFilteredPattern.compile(
            "(?:\\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Tt]ill|[Bb]y|[Tt]hrough|[Bb]efore|[Aa]fter|[Ff]rom|[Oo]f"
                    + "|[Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Aa]round|IN|SINCE|DURING|UNTIL|BY|BEFORE"
                    + "|AFTER|FROM|OF|EARLY|LATE|LAST|NEXT|THIS)[ \\t]{1,3}|\\b[Mm]id-)(" + MONTH_FULL + "|"
                    + MONTH_FULL.toUpperCase(Locale.ROOT) + ")(?![\\p{L}\\d]|\\.\\s*\\d|\\s+\\d)");
    private static final StartFilteredPattern ORDINAL_DAY = StartFilteredPattern.compile(
            "(?i)\\b(?:on|since|until|till|by|from|before|after|through|thru|the)[ \\t]{1,3}(?:the[ \\t]{1,3})?"
                    + "((?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?![\\w-])(?!\\s*(?:-\\s*)?(?:floor|percentile|grade|day|week"
                    + "|month|year|time|times|dose|cycle|rib|toe|finger|digit|metatarsal|metacarpal|intercostal|ics|cranial"
                    + "|nerve|degree|generation|trimester|century|birthday|anniversary|place|attempt|episode|child|pregnancy"
                    + "|visit|round|line|session|decade|vertebra|lumbar|cervical|thoracic|sacral|ventricle|division|district"
                    + "|circuit|amendment|edition|st|street|avenue|ave|floor|level|postoperative|post-op|hospital|inning"
                    + "|gestational|percent|of\\s+(?:the|his|her|their|a|an|\\d))\\b)");
    private static final Pattern DATE_CUE_BEFORE = Pattern.compile(
            "(?i)(?:\\b(?:on|since|from|until|till|thru|through|by|dated?|dos|dob|doa|doi|d/c|as of|starting|started"
                    + "|effective|between|last(?:\\s+[a-z]+){0,2}|next|before|after|admitted|discharged|seen|visit|surgery|expires?|due|for"
                    + "|scheduled|set|week\\s+of|hearing|trial|deposition|appt|appointment|f/u|follow[-\\s]?up|rtc|return"
                    + "|recheck|repeat|d/c'?d|dc'?d|discontinued|stopped|held|resumed|changed|drawn|collected|done|placed"
                    + "|removed|inserted|ordered|performed|started|sent|received|filed|served|signed|mailed|called)"
                    + "\\s*[:=]?\\s*(?:the\\s+)?|\\b(?:date|dos|dob)\\b[^\\n]{0,15}?|\\(\\s*"
                    + "|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\s*(?:-|to|through|thru|until|and|,)\\s*)$");
    private static final Pattern PAST_PARTICIPLE = Pattern.compile("(?i)\\b[a-z]{3,}ed\\s*:?\\s*$");
    private static final Pattern NOT_A_DATE_AFTER = Pattern.compile(
            "(?i)^\\s*(?:tabs?|tablets?|caps?|capsules?|pills?|doses?|strength|of\\b|cups?|tsp|tbsp|inch|inches|units?"
                    + "|times|x\\b|pain|on\\s+(?:the\\s+)?(?:pain|scale)|scale|murmur|ml|mg|mcg|%|positive|negative"
            + "|months?|mos?\\b|weeks?|wks?\\b|days?|vision|acuity|nodes?|lymph|cores?|sets?|reps?)");
    private static final Pattern MONTH_WORD = Pattern.compile("(?i)(?<!\\p{L})" + MONTH);
    private static final Pattern SCORE_CONTEXT = Pattern.compile("(?i)\\b(?:pain|score|scale|strength|grade|murmur|vision"
            + "|acuity|va|apgar|nodes|ratio|gravida|para)\\b"
            + "[^\\n]{0,20}$");

    @Override
    public String id() {
        return "date";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        String s = text.text();
        List<PhiSpan> out = new ArrayList<>();
        addAll(text, ISO.finder(s), out, 0.95);
        StartFilteredPattern.Finder numericFound = NUMERIC.finder(s);
        while (numericFound.find()) {
            Matcher numeric = numericFound.matcher();
            int a = Integer.parseInt(numeric.group(1));
            int b = Integer.parseInt(numeric.group(3));
            String year = numeric.group(4);
            boolean validYear = year.length() == 2 || (year.startsWith("19") || year.startsWith("20")
                    || year.startsWith("18"));
            if (validYear && validMonthDay(a, b)) {
                out.add(text.span(numeric.start(), numeric.end(), PhiType.DATE, id(), 0.95));
            }
        }
        StartFilteredPattern.Finder monthDayFound = MONTH_DAY_NUMERIC.finder(s);
        while (monthDayFound.find()) {
            Matcher monthDay = monthDayFound.matcher();
            char previous = monthDay.start() == 0 ? ' ' : s.charAt(monthDay.start() - 1);
            if (Character.isLetterOrDigit(previous) || previous == '_' || "/.:".indexOf(previous) >= 0) {
                continue;
            }
            int a = Integer.parseInt(monthDay.group(1));
            int b = Integer.parseInt(monthDay.group(2));
            String before = s.substring(Math.max(0, monthDay.start() - 40), monthDay.start());
            boolean cued = DATE_CUE_BEFORE.matcher(before).find() || PAST_PARTICIPLE.matcher(before).find();
            boolean dayLike = a >= 1 && a <= 12 && b >= 13 && b <= 31;
            boolean padded = monthDay.group(1).length() == 2 && monthDay.group(2).length() == 2 && a <= 12
                    && !(b == 10 && !monthDay.group(1).startsWith("0"));
            if (validMonthDay(a, b) && (cued || dayLike || padded)
                    && !NOT_A_DATE_AFTER.matcher(s.substring(monthDay.end(), Math.min(s.length(), monthDay.end() + 20)))
                            .find()
                    && !SCORE_CONTEXT.matcher(before).find()) {
                out.add(text.span(monthDay.start(), monthDay.end(), PhiType.DATE, id(), 0.8));
            }
        }
        addAll(text, MONTH_YEAR_NUMERIC.finder(s), out, 0.8);
        addTextual(text, MONTH_FIRST.finder(s), out);
        addTextual(text, DAY_FIRST.finder(s), out);
        addTextual(text, MONTH_YEAR.finder(s), out);
        addGroup(text, MONTH_ALONE.finder(s), out, 0.7);
        addGroup(text, ORDINAL_DAY.finder(s), out, 0.7);
        return out;
    }

    private void addAll(AnalyzedText text, StartFilteredPattern.Finder found, List<PhiSpan> out, double confidence) {
        while (found.find()) {
            Matcher m = found.matcher();
            out.add(text.span(m.start(), m.end(), PhiType.DATE, id(), confidence));
        }
    }

    private void addGroup(AnalyzedText text, StartFilteredPattern.Finder found, List<PhiSpan> out, double confidence) {
        while (found.find()) {
            Matcher m = found.matcher();
            out.add(text.span(m.start(1), m.end(1), PhiType.DATE, id(), confidence));
        }
    }

    /** Textual dates, except those whose only month word is a lower-case "may"/"mar"/"march" (verbs). */
    private void addTextual(AnalyzedText text, StartFilteredPattern.Finder found, List<PhiSpan> out) {
        while (found.find()) {
            Matcher m = found.matcher();
            String match = m.group();
            Matcher month = MONTH_WORD.matcher(match);
            if (!month.find()) {
                continue;
            }
            String word = month.group().replace(".", "");
            boolean verbLike = word.equals("may") || word.equals("mar") || word.equals("march");
            if (!verbLike) {
                out.add(text.span(m.start(), m.end(), PhiType.DATE, id(), 0.9));
            }
        }
    }

    private static boolean validMonthDay(int a, int b) {
        return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31);
    }
}
