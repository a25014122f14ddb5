package dev.enclave.prep;

/**
 * One record's bytes as cut from a CSV file, before field parsing.
 *
 * @param startLine 1-based line the record starts on
 * @param lineCount physical lines it spans
 * @param bytes the record's bytes without the final line break
 * @param problem {@link QuarantineReason#UNBALANCED_QUOTE} when the cut was forced by a quote that never closes
 */
record RawRecord(long startLine, int lineCount, byte[] bytes, QuarantineReason problem) {}
