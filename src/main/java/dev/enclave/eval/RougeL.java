package dev.enclave.eval;

/**
 * ROUGE-L (Lin, 2004) between a candidate and a reference token sequence: with L the length of their longest common
 * subsequence, precision {@code L / |candidate|}, recall {@code L / |reference|} and the F-measure
 * {@code 2PR / (P + R)} (β = 1). Two empty sequences match perfectly (1); one empty sequence against a non-empty one
 * scores 0.
 */
public final class RougeL {
    private RougeL() {}

    /** The length of the longest common subsequence, in O(|a|·|b|) time and O(|b|) memory. */
    public static int longestCommonSubsequence(long[] a, long[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (long token : a) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = token == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /** The ROUGE-L F-measure of {@code candidate} against {@code reference}, in [0, 1]. */
    public static double fMeasure(long[] candidate, long[] reference) {
        if (candidate.length == 0 && reference.length == 0) {
            return 1;
        }
        int common = longestCommonSubsequence(candidate, reference);
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / candidate.length;
        double recall = (double) common / reference.length;
        return 2 * precision * recall / (precision + recall);
    }
}
