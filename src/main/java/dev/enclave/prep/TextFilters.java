package dev.enclave.prep;

import dev.enclave.spec.FiltersSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark task function of the filter step: marks each row with the first {@link FiltersSpec} rule its de-identified
 * text breaks, in the order characters, tokens, non-alphanumeric share, exclude patterns. Tokens are counted with the
 * model's tokenizer (no special tokens, no truncation), opened once per task and only when a token rule is set.
 */
final class TextFilters implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final FiltersSpec spec;
    private final String tokenizerFile;
    private transient List<Pattern> patterns;

    TextFilters(FiltersSpec spec, String tokenizerFile) {
        this.spec = spec;
        this.tokenizerFile = tokenizerFile;
    }

    /** {@code input} with the {@link StepTally} mark columns. */
    static StructType markedSchema(StructType input) {
        return input.add(StepTally.REASON, DataTypes.StringType, true).add(StepTally.MESSAGE, DataTypes.StringType, true);
    }

    /** Whether any rule is set. */
    static boolean any(FiltersSpec spec) {
        return spec.minChars() != null || spec.maxChars() != null || spec.countsTokens()
                || spec.maxNonAlnumFraction() != null || !spec.excludePatterns().isEmpty();
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        PieceTokenizer tokenizer = null;
        if (spec.countsTokens()) {
            try {
                tokenizer = PieceTokenizer.open(tokenizerFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        PieceTokenizer counter = tokenizer;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more && counter != null) {
                    counter.close();
                }
                return more;
            }

            @Override
            public Row next() {
                Row row = rows.next();
                String[] mark = check(row.getAs(InputRows.TEXT), counter);
                Object[] values = new Object[row.length() + 2];
                for (int i = 0; i < row.length(); i++) {
                    values[i] = row.get(i);
                }
                values[row.length()] = mark == null ? null : mark[0];
                values[row.length() + 1] = mark == null ? null : mark[1];
                return RowFactory.create(values);
            }
        };
    }

    /** The first broken rule as {reason, message}, or null. */
    String[] check(String text, PieceTokenizer tokenizer) {
        int chars = text.codePointCount(0, text.length());
        if (spec.minChars() != null && chars < spec.minChars()) {
            return mark(FilterReason.TOO_FEW_CHARS, chars + " characters, under filters.min_chars " + spec.minChars());
        }
        if (spec.maxChars() != null && chars > spec.maxChars()) {
            return mark(FilterReason.TOO_MANY_CHARS, chars + " characters, over filters.max_chars " + spec.maxChars());
        }
        if (tokenizer != null) {
            int tokens = tokenizer.ids(text).length;
            if (spec.minTokens() != null && tokens < spec.minTokens()) {
                return mark(FilterReason.TOO_FEW_TOKENS, tokens + " tokens, under filters.min_tokens "
                        + spec.minTokens());
            }
            if (spec.maxTokens() != null && tokens > spec.maxTokens()) {
                return mark(FilterReason.TOO_MANY_TOKENS, tokens + " tokens, over filters.max_tokens "
                        + spec.maxTokens());
            }
        }
        if (spec.maxNonAlnumFraction() != null) {
            double share = nonAlnumShare(text);
            if (share > spec.maxNonAlnumFraction()) {
                return mark(FilterReason.TOO_MUCH_NON_ALNUM, String.format(java.util.Locale.ROOT,
                        "%.3f of the characters are not letters or digits, over filters.max_non_alnum_fraction %s",
                        share, spec.maxNonAlnumFraction()));
            }
        }
        if (patterns == null) {
            patterns = spec.excludePatterns().stream().map(Pattern::compile).toList();
        }
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(text).find()) {
                return mark(FilterReason.EXCLUDED_PATTERN, "matches filters.exclude_patterns[" + i + "]");
            }
        }
        return null;
    }

    /** Share of the non-whitespace characters that are neither letters nor digits (0 for an empty text). */
    static double nonAlnumShare(String text) {
        int counted = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            counted++;
            if (!Character.isLetterOrDigit(c)) {
                other++;
            }
        }
        return counted == 0 ? 0 : (double) other / counted;
    }

    private static String[] mark(FilterReason reason, String message) {
        return new String[] {reason.name(), message};
    }
}
