package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cities, towns and counties: "&lt;City&gt;, &lt;ST&gt;" and "&lt;City&gt;, &lt;State&gt;" (an ambiguous abbreviation
 * such as MD or PA needs a known place or a ZIP after it), places from the gazetteer (a place that is also a common
 * word or a person's name needs a cue such as "lives in" or "from"), any capitalised words after a residence cue
 * ("lives in", "resident of", "moved from", "born in"), "&lt;Name&gt; County/Parish/Borough" and "City of &lt;Name&gt;".
 * States and countries are not PHI and are never reported.
 */
public final class LocationDetector implements Detector {

    private static final Pattern STATE_AFTER_COMMA = Pattern.compile(
            ",[ \\t]*(?:(" + UsStates.ABBREVIATION_REGEX + ")(?![\\w])\\.?|(" + UsStates.NAME_REGEX + ")\\b)"
                    + "(,?[ \\t]*\\d{5}(?:-\\d{4})?)?");
    private static final StartFilteredPattern RESIDENCE_CUE = StartFilteredPattern.compile("(?i)\\b(?:lives|living|live|resides|residing|resident"
            + "|residence|moved|relocated|born|raised|grew\\s+up|hometown|native|visiting|originally|home)"
            + "\\s+(?:here\\s+|alone\\s+|with\\s+\\w+\\s+)?(?:in|to|from|of|at|near|is)\\s+(?:the\\s+)?"
            + "(?:(?:city|town|village|township)\\s+of\\s+)?");
    private static final StartFilteredPattern WEAK_CUE = StartFilteredPattern.compile("(?i)\\b(?:in|from|to|near|outside(?:\\s+of)?|around"
            + "|visiting|of|at)\\s+");
    private static final Pattern COUNTY = Pattern.compile("((?:[A-Z][\\p{L}'\u2019.-]*[ \\t]+){1,3})"
            + "(?:County|Parish|Borough|Township|COUNTY|PARISH|BOROUGH|TOWNSHIP)\\b");
    private static final Pattern CITY_OF = Pattern.compile("\\b(?:City|Town|Village|Township|County|CITY|TOWN|COUNTY)"
            + "\\s+(?:of|OF)\\s+([A-Z][\\p{L}'\u2019.-]*(?:[ \\t]+[A-Z][\\p{L}'\u2019.-]*){0,2})");
    private static final java.util.Set<String> ROMAN = java.util.Set.of("I", "II", "III", "IV", "V", "VI");
    private static final java.util.Set<String> DETERMINERS = java.util.Set.of("the", "this", "that", "each", "every",
            "any", "our", "your", "which", "a", "same", "neighboring", "adjacent");
    private static final java.util.Set<String> PLACE_PREFIXES = java.util.Set.of("new", "san", "santa", "los", "las",
            "el", "la", "fort", "ft", "port", "mount", "mt", "saint", "st", "north", "south", "east", "west", "lake",
            "palm", "grand", "little", "cedar", "glen", "oak", "long", "big", "upper", "lower", "old");

    @Override
    public String id() {
        return "location";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        Lexicon lex = Lexicon.standard();
        List<PhiSpan> out = new ArrayList<>();
        CueIndex residence = new CueIndex(RESIDENCE_CUE, text.text());
        CueIndex weak = new CueIndex(WEAK_CUE, text.text());
        cityState(text, lex, out);
        gazetteer(text, lex, residence, weak, out);
        residenceCue(text, lex, residence, out);
        counties(text, lex, out);
        return out;
    }

    private void cityState(AnalyzedText text, Lexicon lex, List<PhiSpan> out) {
        Matcher m = STATE_AFTER_COMMA.matcher(text.text());
        while (m.find()) {
            String abbreviation = m.group(1);
            String stateName = m.group(2);
            if (stateName != null && !Character.isUpperCase(stateName.charAt(0))) {
                continue;
            }
            boolean zip = m.group(3) != null;
            Token last = text.tokenBefore(m.start());
            if (last == null || !last.isWord()) {
                continue;
            }
            List<Token> run = capitalisedRunEndingAt(text, last);
            if (run.isEmpty()) {
                continue;
            }
            int known = longestKnownSuffix(text, lex, run);
            List<Token> place;
            if (known > 0) {
                place = run.subList(run.size() - known, run.size());
            } else {
                boolean ambiguous = abbreviation != null && UsStates.AMBIGUOUS.contains(abbreviation);
                if (ambiguous && !zip) {
                    continue;
                }
                place = plausibleUnknownPlace(text, lex, run);
            }
            if (!place.isEmpty()) {
                Token first = place.get(0);
                out.add(text.span(first.start(), last.end(), PhiType.LOCATION, id(), known > 0 ? 0.9 : 0.8));
            }
        }
    }

    private void gazetteer(AnalyzedText text, Lexicon lex, CueIndex residence, CueIndex weak, List<PhiSpan> out) {
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isCapitalized() || (t.isAllCaps() && !text.inCapsLine(t))) {
                continue;
            }
            for (int n = Math.min(lex.longestPlace() + 2, tokens.size() - i); n >= 1; n--) {
                Token last = tokens.get(i + n - 1);
                if (!last.isWord() || text.newlineBetween(t, last)) {
                    continue;
                }
                String phrase = text.text().substring(t.start(), last.end());
                if (!lex.isPlace(phrase) || !capitalisedWords(text, tokens.subList(i, i + n))) {
                    continue;
                }
                Token before = text.token(i - 1);
                Token after = text.token(i + n);
                boolean stateAfterComma = UsStates.isStateName(phrase);
                boolean category = after != null && ROMAN.contains(after.text()) && text.adjacentOnLine(last, after);
                if (!stateAfterComma && !category && acceptPlace(text, lex, residence, weak, t, n == 1 ? t.lower() : null)) {
                    out.add(text.span(t.start(), last.end(), PhiType.LOCATION, id(), 0.7));
                }
                i += n - 1;
                break;
            }
        }
    }

    private boolean acceptPlace(AnalyzedText text, Lexicon lex, CueIndex residence, CueIndex weak, Token first,
            String singleWord) {
        Token previous = text.token(first.index() - 1);
        if (previous != null && previous.is('.')) {
            Token title = text.token(first.index() - 2);
            if (title != null && NameDetector.isTitle(title)) {
                return false;
            }
        }
        if (previous != null && NameDetector.isTitle(previous)) {
            return false;
        }
        if (singleWord == null) {
            return true;
        }
        boolean person = lex.isFirstName(singleWord) || lex.isSurname(singleWord);
        boolean word = lex.isCommonWord(singleWord) || lex.isNotName(singleWord);
        if (!person && !word) {
            return true;
        }
        if (residence.cued(first.start())) {
            return true;
        }
        return weak.cued(first.start()) && (first.isTitleCase() || text.inCapsLine(first));
    }

    private void residenceCue(AnalyzedText text, Lexicon lex, CueIndex residence, List<PhiSpan> out) {
        List<Token> tokens = text.tokens();
        for (Token t : tokens) {
            if (!t.isTitleCase() || text.inCapsLine(t)) {
                continue;
            }
            if (!residence.cued(t.start())) {
                continue;
            }
            List<Token> words = new ArrayList<>();
            for (int i = t.index(); i < tokens.size() && words.size() < 3; i++) {
                Token w = tokens.get(i);
                if (!w.isTitleCase() || (!words.isEmpty() && text.newlineBetween(words.get(words.size() - 1), w))) {
                    break;
                }
                words.add(w);
            }
            String phrase = text.text().substring(t.start(), words.get(words.size() - 1).end());
            String lower = phrase.toLowerCase(Locale.ROOT);
            boolean plain = words.stream().allMatch(w -> lex.isCommonWord(w.lower()) || lex.isNotName(w.lower()));
            if (UsStates.isStateName(phrase) || UsStates.NOT_LOCAL.contains(lower) || (plain && !lex.isPlace(phrase))) {
                continue;
            }
            Token last = words.get(words.size() - 1);
            out.add(text.span(t.start(), last.end(), PhiType.LOCATION, id(), 0.75));
        }
    }

    private void counties(AnalyzedText text, Lexicon lex, List<PhiSpan> out) {
        Matcher m = COUNTY.matcher(text.text());
        while (m.find()) {
            List<Token> words = new ArrayList<>();
            for (Token t = text.tokenAtOrAfter(m.start(1)); t != null && t.end() <= m.end(1); t = text.token(t.index() + 1)) {
                if (t.isWord()) {
                    words.add(t);
                }
            }
            int skip = 0;
            while (skip < words.size() - 1 && lex.isCommonWord(words.get(skip).lower())
                    && !lex.isPlace(text.text().substring(words.get(skip).start(), m.end()))) {
                skip++;
            }
            if (words.isEmpty() || DETERMINERS.contains(words.get(skip).lower())) {
                continue;
            }
            out.add(text.span(words.get(skip).start(), m.end(), PhiType.LOCATION, id(), 0.85));
        }
        m = CITY_OF.matcher(text.text());
        while (m.find()) {
            boolean countyOrCity = m.group().regionMatches(true, 0, "county", 0, 6)
                    || m.group().regionMatches(true, 0, "city", 0, 4);
            if ((countyOrCity || !UsStates.isStateName(m.group(1)))
                    && !UsStates.NOT_LOCAL.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                out.add(text.span(m.start(1), m.end(1), PhiType.LOCATION, id(), 0.8));
            }
        }
    }

    /** Capitalised words (and "St." dots, hyphens) immediately before and including {@code last}, same line. */
    private static List<Token> capitalisedRunEndingAt(AnalyzedText text, Token last) {
        List<Token> run = new ArrayList<>();
        Token t = last;
        int words = 0;
        while (t != null && words < 4) {
            if (t.isCapitalized() && !(t.isAllCaps() && !text.inCapsLine(t) && t.text().length() <= 3
                    && !t.text().equals("ST") && !t.text().equals("MT") && !t.text().equals("FT"))) {
                run.add(0, t);
                words++;
            } else if (!(t.is('.') && !run.isEmpty())) {
                break;
            }
            Token previous = text.token(t.index() - 1);
            if (previous == null || text.newlineBetween(previous, t) || previous.end() < t.start() - 2) {
                break;
            }
            t = previous;
        }
        run.removeIf(tok -> !tok.isWord());
        return run;
    }

    private static int longestKnownSuffix(AnalyzedText text, Lexicon lex, List<Token> run) {
        for (int k = run.size(); k >= 1; k--) {
            Token first = run.get(run.size() - k);
            String phrase = text.text().substring(first.start(), run.get(run.size() - 1).end());
            if (lex.isPlace(phrase)) {
                return k;
            }
        }
        return 0;
    }

    /** The trailing words of a capitalised run that can be an unknown place name. */
    private static List<Token> plausibleUnknownPlace(AnalyzedText text, Lexicon lex, List<Token> run) {
        Token last = run.get(run.size() - 1);
        if (lex.isNotName(last.lower()) || UsStates.isStateName(last.text())
                || UsStates.NOT_LOCAL.contains(last.lower()) || (lex.isCommonWord(last.lower()) && text.inCapsLine(last))) {
            return List.of();
        }
        int from = run.size() - 1;
        while (from > 0) {
            Token previous = run.get(from - 1);
            boolean prefix = PLACE_PREFIXES.contains(previous.lower());
            boolean capitalisedName = !text.inCapsLine(previous) && previous.isTitleCase()
                    && !lex.isCommonWord(previous.lower()) && !lex.isNotName(previous.lower());
            if (!prefix && !capitalisedName) {
                break;
            }
            from--;
        }
        return run.subList(from, run.size());
    }

    private static boolean capitalisedWords(AnalyzedText text, List<Token> tokens) {
        for (Token t : tokens) {
            if (t.isWord() && !t.isCapitalized() && !List.of("de", "la", "es", "del", "of").contains(t.text())) {
                return false;
            }
        }
        return true;
    }
}
