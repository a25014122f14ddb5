package dev.enclave.spec;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rules that take a usable row out of the data set, applied to the de-identified text after duplicate removal. Each
 * is off unless set; a row that breaks one is counted as filtered with the rule's reason code. Serializable: Spark
 * tasks apply it.
 *
 * @param minChars fewer characters than this: {@code TOO_FEW_CHARS}
 * @param maxChars more characters than this: {@code TOO_MANY_CHARS}
 * @param minTokens fewer tokens (model tokenizer, special tokens excluded, before truncation): {@code TOO_FEW_TOKENS}
 * @param maxTokens more tokens than this: {@code TOO_MANY_TOKENS}
 * @param maxNonAlnumFraction a larger share of the non-space characters that are neither letters nor digits:
 *     {@code TOO_MUCH_NON_ALNUM}
 * @param excludePatterns regular expressions (Java syntax); a text in which one is found: {@code EXCLUDED_PATTERN}
 */
public record FiltersSpec(
        Integer minChars,
        Integer maxChars,
        Integer minTokens,
        Integer maxTokens,
        Double maxNonAlnumFraction,
        List<String> excludePatterns) implements Serializable {

    public FiltersSpec {
        nonNegative(minChars, "min_chars");
        nonNegative(maxChars, "max_chars");
        nonNegative(minTokens, "min_tokens");
        nonNegative(maxTokens, "max_tokens");
        ordered(minChars, maxChars, "max_chars", "min_chars");
        ordered(minTokens, maxTokens, "max_tokens", "min_tokens");
        if (maxNonAlnumFraction != null) {
            Checks.fraction(maxNonAlnumFraction, "max_non_alnum_fraction");
        }
        excludePatterns = excludePatterns == null ? List.of() : List.copyOf(excludePatterns);
        for (int i = 0; i < excludePatterns.size(); i++) {
            try {
                Pattern.compile(excludePatterns.get(i));
            } catch (PatternSyntaxException e) {
                throw new SpecFieldException("exclude_patterns[" + i + "]", "'exclude_patterns[" + i
                        + "]' is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    /** Whether a token count is needed. */
    public boolean countsTokens() {
        return minTokens != null || maxTokens != null;
    }

    private static void nonNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw Checks.invalid(field, "must not be negative (got " + value + ")");
        }
    }

    private static void ordered(Integer min, Integer max, String field, String minField) {
        if (min != null && max != null && max < min) {
            throw Checks.invalid(field, "must be at least " + minField + " (" + min + "), got " + max);
        }
    }

    static FiltersSpec defaults() {
        return new FiltersSpec(null, null, null, null, null, null);
    }
}
