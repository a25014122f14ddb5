package dev.enclave.deid;

import java.util.BitSet;
import java.util.regex.Matcher;

/**
 * Where cue phrases end in a text, found in one pass: the offset right after each match of a cue pattern and the
 * spaces or tabs that follow it. A cue never reaches across a line break to the word it announces.
 */
final class CueIndex {

    private final BitSet ends = new BitSet();

    CueIndex(StartFilteredPattern cue, String text) {
        StartFilteredPattern.Finder found = cue.finder(text);
        while (found.find()) {
            Matcher m = found.matcher();
            if (m.end() == m.start()) {
                continue;
            }
            int end = m.end();
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                end++;
            }
            boolean crossesLine = false;
            for (int i = end - 1; i >= m.start() && Character.isWhitespace(text.charAt(i)); i--) {
                crossesLine |= text.charAt(i) == '\n' || text.charAt(i) == '\r';
            }
            if (!crossesLine) {
                ends.set(end);
            }
        }
    }

    /** Whether a cue ends right before {@code charOffset}. */
    boolean cued(int charOffset) {
        return ends.get(charOffset);
    }
}
