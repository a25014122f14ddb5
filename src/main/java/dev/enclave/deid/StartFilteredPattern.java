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
 * <p>Which ASCII characters can begin a match after which ASCII character (or at the start of the text) is worked
 * out once, by asking the engine: {@code c} cannot begin a match after {@code p} when matching from {@code c} in the
 * two-character text {@code pc} fails without reaching the end of the input. So a {@code \b} at the start of the
 * pattern is honoured too. Positions next to characters outside ASCII are always tried, and so is every position
 * for a pattern that can match the empty string. Look-behind at the start of a pattern may read one character back
 * (as {@code \b} and {@code (?<![\w.])} do), not more.
 */
final class StartFilteredPattern implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Row of {@link #canStart} for the start of the text. */
    private static final int TEXT_START = 128;

    private final Pattern pattern;
    /** For each preceding ASCII character (or the start of the text), the ASCII characters that can begin a match. */
    private final boolean[][] canStart = new boolean[TEXT_START + 1][128];

    StartFilteredPattern(Pattern pattern) {
        this.pattern = pattern;
        boolean matchesEmpty = pattern.matcher("").lookingAt();
        Matcher m = pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
        char[] probe = new char[2];
        for (int previous = 0; previous <= TEXT_START; previous++) {
            for (char c = 0; c < 128; c++) {
                int from = previous == TEXT_START ? 1 : 0;
                probe[0] = (char) previous;
                probe[1] = c;
                m.reset(new String(probe, from, 2 - from)).region(1 - from, 2 - from);
                canStart[previous][c] = matchesEmpty || m.lookingAt() || m.hitEnd();
            }
        }
    }

    static StartFilteredPattern compile(String regex) {
        return new StartFilteredPattern(Pattern.compile(regex));
    }

    static StartFilteredPattern compile(String regex, int flags) {
        return new StartFilteredPattern(Pattern.compile(regex, flags));
    }

    Pattern pattern() {
        return pattern;
    }

    /** A finder over {@code text}, positioned at its start. */
    Finder finder(String text) {
        return new Finder(this, text);
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
            boolean[][] canStart = filtered.canStart;
            int length = text.length();
            for (int i = next; i <= length; i++) {
                char c = i < length ? text.charAt(i) : 0;
                int previous = i == 0 ? TEXT_START : text.charAt(i - 1);
                boolean possible = c >= 128 || (i > 0 && previous >= 128) || canStart[previous][c];
                if (!possible || !matcher.region(i, length).lookingAt()) {
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
