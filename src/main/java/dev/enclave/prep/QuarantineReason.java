package dev.enclave.prep;

/** Why an input row was quarantined: it cannot be read, or it breaks a rule every row must meet. The codes appear in quarantine files, the manifest and the report. */
public enum QuarantineReason {
    /** A quoted field never closes (before the end of the file or within the size limit). */
    UNBALANCED_QUOTE,
    /** Characters between a closing quote and the next delimiter, or another CSV syntax error. */
    MALFORMED_CSV,
    /** The row has more or fewer fields than the header. */
    WRONG_COLUMN_COUNT,
    /** The row's bytes are not valid UTF-8. */
    INVALID_UTF8,
    /** JSON Lines: the line is not one valid JSON value. */
    MALFORMED_JSON,
    /** JSON Lines: the line is valid JSON but not an object. */
    NOT_A_JSON_OBJECT,
    /** JSON Lines: a role field (id, group, text, label) holds an object or an array. */
    WRONG_FIELD_TYPE,
    MISSING_ID,
    MISSING_GROUP,
    /** The text is empty or only whitespace. */
    EMPTY_TEXT,
    /** Another row earlier in the input has the same id; the first one is kept. */
    DUPLICATE_ID,
    MISSING_LABEL,
    /** The label is not in the spec's label set. */
    UNKNOWN_LABEL,
    /** A field is longer than the spec's size limit. */
    FIELD_TOO_LONG
}
