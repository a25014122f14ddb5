package dev.enclave.deid;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern that is tried only at positions whose character can begin one of its matches, which makes long cue
 * alternations ({@code (?i)\b(?:mrn|medical record|...)}) cheap on text where most positions cannot start one. The
 * matches are exactly those of successive {@link Matcher#find()} calls: at each tried position the same engine runs
 * with transparent bounds, so look-behind and {@code \b} still see the text before it.
 *
 * <p>Which ASCII characters can begin a match is worked out once, by asking the engine: a character cannot begin a
 * match when matching on that character alone, after each of a few preceding contexts, fails without reaching the
 * end of the input. Characters outside ASCII are always tried. Patterns that can match the empty string are tried
 * everywhere.
 */
final class StartFilteredPattern implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String[] CONTEXTS = {"", " ", "\n", "a", "A", "1", ".", ",", "(", ":", "#", "/", "-"};

    private final Pattern pattern;
    private final boolean[] canStart = new boolean[128];

    StartFilteredPattern(Pattern pattern) {
        this.pattern = pattern;
        boolean matchesEmpty = pattern.matcher("").lookingAt();
        for (char c = 0; c < 128; c++) {
            canStart[c] = matchesEmpty || mayBegin(pattern, c);
        }
    }

    static StartFilteredPattern compile(String regex) {
        return new StartFilteredPattern(Pattern.compile(regex));
    }

    Pattern pattern() {
        return pattern;
    }

    /** A finder over {@code text}, positioned at its start. */
    Finder finder(String text) {
        return new Finder(this, text);
    }

    private static boolean mayBegin(Pattern pattern, char c) {
        for (String context : CONTEXTS) {
            String probe = context + c;
            Matcher m = pattern.matcher(probe).useTransparentBounds(true).useAnchoringBounds(false)
                    .region(context.length(), probe.length());
            if (m.lookingAt() || m.hitEnd()) {
                return true;
            }
        }
        return false;
    }

    /** Successive matches in one text, as {@link Matcher#find()} would return them. */
    static final class Finder {
        private final StartFilteredPattern filtered;
        private final String text;
        private final Matcher matcher;
        private int next;

        private Finder(StartFilteredPattern filtered, String text) {
            this.filtered = filtered;
            this.text = text;
            this.matcher = filtered.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }

        /** Finds the next match; on true, {@link #matcher()} holds it. */
        boolean find() {
            boolean[] canStart = filtered.canStart;
            int length = text.length();
            for (int i = next; i <= length; i++) {
                char c = i < length ? text.charAt(i) : 0;
                if ((c < 128 && !canStart[c]) || !matcher.region(i, length).lookingAt()) {
                    continue;
                }
                next = matcher.end() == i ? i + 1 : matcher.end();
                return true;
            }
            next = length + 1;
            return false;
        }

        /** The matcher holding the last match found. */
        Matcher matcher() {
            return matcher;
        }
    }
}
