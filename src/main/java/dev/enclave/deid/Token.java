package dev.enclave.deid;

import java.util.Locale;

/**
 * A word, number or single punctuation character of an {@link AnalyzedText}, with UTF-16 char offsets.
 *
 * @param text the characters
 * @param start first char offset
 * @param end char offset after the last one
 * @param index position in the token list
 */
public record Token(String text, int start, int end, int index) {

    /** Starts with a letter. */
    public boolean isWord() {
        return Character.isLetter(text.charAt(0));
    }

    /** Only ASCII digits. */
    public boolean isNumber() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A word whose first letter is upper case. */
    public boolean isCapitalized() {
        return isWord() && Character.isUpperCase(text.charAt(0));
    }

    /** A word with at least two letters, all of them upper case. */
    public boolean isAllCaps() {
        if (!isWord() || text.length() < 2) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** A word with a capital first letter followed by at least one lower-case letter. */
    public boolean isTitleCase() {
        return isCapitalized() && !isAllCaps() && text.length() > 1;
    }

    /** The single character {@code c}. */
    public boolean is(char c) {
        return text.length() == 1 && text.charAt(0) == c;
    }

    /** Lower-cased text (root locale). */
    public String lower() {
        return text.toLowerCase(Locale.ROOT);
    }
}
