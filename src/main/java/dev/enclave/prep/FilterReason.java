package dev.enclave.prep;

/**
 * Why a usable row was left out of the prepared data. The codes appear in {@code prepare/filtered.json}, the manifest
 * and the report; each belongs to one step.
 */
public enum FilterReason {
    /** dedup: the same de-identified text as a row with a smaller id. */
    EXACT_DUPLICATE,
    /** dedup: a near duplicate (MinHash LSH, Jaccard at least the threshold) of a row with a smaller id. */
    NEAR_DUPLICATE,
    /** filter: fewer characters than {@code filters.min_chars}. */
    TOO_FEW_CHARS,
    /** filter: more characters than {@code filters.max_chars}. */
    TOO_MANY_CHARS,
    /** filter: fewer tokens than {@code filters.min_tokens}. */
    TOO_FEW_TOKENS,
    /** filter: more tokens than {@code filters.max_tokens}. */
    TOO_MANY_TOKENS,
    /** filter: more of the text than {@code filters.max_non_alnum_fraction} is neither letters, digits nor space. */
    TOO_MUCH_NON_ALNUM,
    /** filter: one of {@code filters.exclude_patterns} is found in the text. */
    EXCLUDED_PATTERN,
    /** split: a near duplicate, found by an independent MinHash draw, of a row in an earlier split. */
    NEAR_DUPLICATE_ACROSS_SPLITS,
    /** format: a causal example whose completion does not fit in {@code task.max_tokens}. */
    TRUNCATED_COMPLETION
}
