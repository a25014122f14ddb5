package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text prepared once for all detectors: its tokens, which lines are written in capitals, and the mapping
 * between UTF-16 char offsets (what {@link java.util.regex} uses) and code point offsets (what {@link PhiSpan}
 * uses).
 */
public final class AnalyzedText {

    private static final Pattern TOKEN = Pattern.compile(
            "\\p{L}[\\p{L}\\p{M}]*(?:['\u2019]\\p{L}+)*(?:-\\p{L}[\\p{L}\\p{M}]*(?:['\u2019]\\p{L}+)*)*"
                    + "|\\d+|[^\\s]");

    private final String text;
    private final List<Token> tokens;
    private final boolean[] capsLineOfToken;
    private final int[] codePointOfChar;

    private AnalyzedText(String text) {
        this.text = text;
        this.tokens = tokenize(text);
        this.capsLineOfToken = capsLines(text, tokens);
        this.codePointOfChar = codePointIndex(text);
    }

    /** Analyses {@code text}. */
    public static AnalyzedText of(String text) {
        return new AnalyzedText(Objects.requireNonNull(text, "text"));
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** The token at {@code index}, or null outside the list. */
    public Token token(int index) {
        return index >= 0 && index < tokens.size() ? tokens.get(index) : null;
    }

    /** Whether the line holding the token is written mostly in capitals, so capitalisation tells nothing. */
    public boolean inCapsLine(Token token) {
        return capsLineOfToken[token.index()];
    }

    /** Whether the token begins a sentence or a line. */
    public boolean startsSentence(Token token) {
        Token previous = token(token.index() - 1);
        if (previous == null || newlineBetween(previous, token)) {
            return true;
        }
        String p = previous.text();
        return p.equals(".") || p.equals("!") || p.equals("?") || p.equals(":") || p.equals(";")
                || p.equals("\"") || p.equals("\u201c") || p.equals("*") || p.equals("-") || p.equals("\u2022");
    }

    /** Whether a line break lies between the end of {@code a} and the start of {@code b}. */
    public boolean newlineBetween(Token a, Token b) {
        for (int i = a.end(); i < b.start(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Whether only spaces and tabs separate {@code a} and the following token {@code b}. */
    public boolean adjacentOnLine(Token a, Token b) {
        return b.start() - a.end() <= 3 && !newlineBetween(a, b);
    }

    /** Code point offset of a char offset. */
    public int codePoint(int charOffset) {
        return codePointOfChar == null ? charOffset : codePointOfChar[charOffset];
    }

    /** Char offset of a code point offset. */
    public int charOffset(int codePointOffset) {
        return codePointOfChar == null ? codePointOffset : text.offsetByCodePoints(0, codePointOffset);
    }

    /** A span from char offsets. */
    public PhiSpan span(int charStart, int charEnd, PhiType type, String detector, double confidence) {
        return new PhiSpan(codePoint(charStart), codePoint(charEnd), type, detector, confidence);
    }

    /** The first token starting at or after {@code charOffset}, or null. */
    public Token tokenAtOrAfter(int charOffset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < charOffset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return token(lo);
    }

    /** The last token ending at or before {@code charOffset}, or null. */
    public Token tokenBefore(int charOffset) {
        Token next = tokenAtOrAfter(charOffset);
        int i = next == null ? tokens.size() - 1 : next.index() - 1;
        while (i >= 0 && tokens.get(i).end() > charOffset) {
            i--;
        }
        return token(i);
    }

    private static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String t = m.group();
            int possessive = possessiveSuffix(t);
            if (possessive > 0) {
                out.add(new Token(t.substring(0, t.length() - possessive), m.start(), m.end() - possessive, out.size()));
                out.add(new Token(t.substring(t.length() - possessive), m.end() - possessive, m.end(), out.size()));
            } else {
                out.add(new Token(t, m.start(), m.end(), out.size()));
            }
        }
        return List.copyOf(out);
    }

    private static int possessiveSuffix(String word) {
        int n = word.length();
        if (n > 3 && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '\u2019')
                && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')) {
            return 2;
        }
        return 0;
    }

    private static boolean[] capsLines(String text, List<Token> tokens) {
        boolean[] caps = new boolean[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            int upper = 0;
            int lower = 0;
            int lineEnd = text.indexOf('\n', tokens.get(i).start());
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            while (j < tokens.size() && tokens.get(j).start() < lineEnd) {
                for (char c : tokens.get(j).text().toCharArray()) {
                    if (Character.isUpperCase(c)) {
                        upper++;
                    } else if (Character.isLowerCase(c)) {
                        lower++;
                    }
                }
                j++;
            }
            boolean capsLine = upper >= 4 && lower * 4 < upper;
            for (int k = i; k < j; k++) {
                caps[k] = capsLine;
            }
            i = j;
        }
        return caps;
    }

    private static int[] codePointIndex(String text) {
        boolean surrogates = false;
        for (int i = 0; i < text.length() && !surrogates; i++) {
            surrogates = Character.isSurrogate(text.charAt(i));
        }
        if (!surrogates) {
            return null;
        }
        int[] index = new int[text.length() + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i++) {
            index[i] = cp;
            if (!(Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                cp++;
            }
        }
        index[text.length()] = cp;
        return index;
    }
}
