package dev.enclave.deid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A second pass of the detectors over text that has already been de-identified, and possibly tokenised and decoded
 * since: it finds PHI that got through. The detectors also flag Enclave's own replacements (a surrogate is a realistic
 * name or date by design), so before they run, every replacement Enclave inserted into this text is put back to its
 * typed mask, and a detected span counts as a residual only when it holds a letter or digit outside every mask:
 * <ul>
 *   <li>typed masks, {@code [NAME]}, are recognised also as a tokenizer writes them back ({@code [ name ]});</li>
 *   <li>the surrogates of this text ({@link Redaction#replacements()}) are found ignoring case and everything that
 *   is not a letter or digit (decoding lower-cases and re-spaces: {@code 02-Aug-1967} comes back as
 *   {@code 02 - aug - 1967}), not inside a longer word, and as a prefix at the very end of the text (truncation can
 *   cut a surrogate).</li>
 * </ul>
 * Spacing a WordPiece decoder adds inside numbers and around punctuation is undone first ({@link #respace}).
 * Masking the surrogates, rather than only ignoring spans that overlap them, keeps a surrogate from joining the words
 * around it into a span ("New York Gerber"). PHI spelt exactly like a surrogate inserted into the same text is not
 * counted. Immutable and serializable, for Spark tasks.
 */
public final class ResidualScanner implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern MASK = Pattern.compile("\\[\\s*(?:"
            + java.util.Arrays.stream(PhiType.values()).map(PhiType::name).collect(Collectors.joining("|"))
            + ")\\s*\\]", Pattern.CASE_INSENSITIVE);

    private static final Pattern DIGIT_JOINER = Pattern.compile("(?<=\\d) ?([/\\-:.]) ?(?=\\d)");
    private static final Pattern OPEN_BRACKET = Pattern.compile("([(]) (?=\\S)");
    private static final Pattern CLOSING = Pattern.compile("(?<=\\S) ([,.;:!?)])");
    private static final Pattern AT = Pattern.compile(" ?@ ?");

    private final Deidentifier detectors;

    /**
     * The text the detectors ran on and the residuals found in it.
     *
     * @param text the scanned text: the input with Enclave's own replacements put back to typed masks
     * @param residuals residual PHI spans, code point offsets of {@code text}, in document order
     */
    public record Scan(String text, List<PhiSpan> residuals) {
        public Scan {
            residuals = List.copyOf(residuals);
        }
    }

    /** A scanner that runs the detectors of {@code detectors} (its mode and seed play no part). */
    public ResidualScanner(Deidentifier detectors) {
        this.detectors = Objects.requireNonNull(detectors, "detectors");
    }

    /**
     * Scans {@code text} for PHI that is not one of Enclave's replacements.
     *
     * @param text de-identified text, in any case and spacing
     * @param inserted the surrogates de-identification put into this text, each with its PHI type (masks need not be
     *     listed)
     */
    public Scan scan(String text, Map<String, PhiType> inserted) {
        String masked = maskSurrogates(respace(text), inserted);
        List<PhiSpan> found = detectors.detect(masked);
        if (found.isEmpty()) {
            return new Scan(masked, found);
        }
        BitSet masks = new BitSet(masked.length());
        Matcher m = MASK.matcher(masked);
        while (m.find()) {
            masks.set(m.start(), m.end());
        }
        List<PhiSpan> residuals = new ArrayList<>();
        for (PhiSpan span : found) {
            int start = masked.offsetByCodePoints(0, span.start());
            int end = masked.offsetByCodePoints(start, span.length());
            if (hasUnmaskedWordCharacter(masked, start, end, masks)) {
                residuals.add(span);
            }
        }
        return new Scan(masked, residuals);
    }

    /**
     * Undoes the spacing a WordPiece decoder adds around punctuation where it breaks the detectors' patterns: inside
     * numbers ({@code 4 / 2 / 2024}, {@code 555 - 0142}), inside brackets, before closing punctuation and around
     * {@code @}. Case is left alone: the detectors read lower-case text.
     */
    static String respace(String text) {
        String out = DIGIT_JOINER.matcher(text).replaceAll("$1");
        out = OPEN_BRACKET.matcher(out).replaceAll("$1");
        out = CLOSING.matcher(out).replaceAll("$1");
        return AT.matcher(out).replaceAll("@");
    }

    /** {@code text} with every occurrence of an inserted surrogate replaced by its type's mask. */
    private static String maskSurrogates(String text, Map<String, PhiType> inserted) {
        if (inserted.isEmpty()) {
            return text;
        }
        PhiType[] owner = new PhiType[text.length()];
        Folded folded = Folded.of(text);
        // Longer surrogates first, so that a short one inside a longer one does not split it.
        List<Map.Entry<String, PhiType>> entries = new ArrayList<>(new TreeMap<>(inserted).entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, PhiType> e) -> e.getKey().length()).reversed());
        for (Map.Entry<String, PhiType> entry : entries) {
            String key = Folded.of(entry.getKey()).letters;
            if (!key.isEmpty() && !MASK.matcher(entry.getKey()).matches()) {
                folded.cover(key, text, owner, entry.getValue());
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (owner[i] == null) {
                out.append(text.charAt(i));
            } else if (i == 0 || owner[i - 1] != owner[i]) {
                out.append(Deidentifier.mask(owner[i]));
            }
        }
        return out.toString();
    }

    private static boolean hasUnmaskedWordCharacter(String text, int start, int end, BitSet masks) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && !masks.get(i)) {
                return true;
            }
        }
        return false;
    }

    /** The letters and digits of a text, lower-cased, each with the char position it came from. */
    private record Folded(String letters, int[] positions) {

        static Folded of(String text) {
            StringBuilder letters = new StringBuilder(text.length());
            int[] positions = new int[text.length()];
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    letters.append(Character.toLowerCase(c));
                    positions[n++] = i;
                }
            }
            return new Folded(letters.toString(), java.util.Arrays.copyOf(positions, n));
        }

        /** Marks every occurrence of {@code key} that is not inside a longer word, and a prefix of it ending the text. */
        void cover(String key, String text, PhiType[] owner, PhiType type) {
            for (int at = letters.indexOf(key); at >= 0; at = letters.indexOf(key, at + 1)) {
                mark(at, key.length(), text, owner, type);
            }
            for (int length = Math.min(key.length() - 1, letters.length()); length > 0; length--) {
                if (letters.endsWith(key.substring(0, length))) {
                    mark(letters.length() - length, length, text, owner, type);
                    break;
                }
            }
        }

        private void mark(int at, int length, String text, PhiType[] owner, PhiType type) {
            int start = positions[at];
            int end = positions[at + length - 1] + 1;
            if (!separate(text, start - 1, start) || !separate(text, end, end - 1)) {
                return;
            }
            for (int i = start; i < end; i++) {
                if (owner[i] != null) {
                    return;
                }
            }
            java.util.Arrays.fill(owner, start, end, type);
        }

        /**
         * Whether the char at {@code outside} does not continue the word whose edge is at {@code edge}: it is not a
         * letter or digit, or it is a digit next to a letter or the other way round ("90yo").
         */
        private static boolean separate(String text, int outside, int edge) {
            if (outside < 0 || outside >= text.length()) {
                return true;
            }
            char o = text.charAt(outside);
            char e = text.charAt(edge);
            return !Character.isLetterOrDigit(o) || Character.isDigit(o) != Character.isDigit(e);
        }
    }
}
