package dev.enclave.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ROUGE-L against values worked out by hand. */
class RougeLTest {
    @Test
    void lcsSkipsTokensButKeepsOrder() {
        // "the cat sat on the mat" vs "the cat was on the mat": the cat _ on the mat
        long[] reference = {1, 2, 3, 4, 1, 5};
        long[] candidate = {1, 2, 6, 4, 1, 5};
        assertEquals(5, RougeL.longestCommonSubsequence(candidate, reference));
        assertEquals(5.0 / 6, RougeL.fMeasure(candidate, reference), 1e-12);
    }

    @Test
    void precisionAndRecallDifferWhenLengthsDiffer() {
        // LCS 1 3 4: P = 3/4, R = 3/5, F = 2PR / (P + R) = 0.9 / 1.35 = 2/3
        assertEquals(2.0 / 3, RougeL.fMeasure(new long[] {1, 2, 3, 4}, new long[] {1, 3, 4, 5, 6}), 1e-12);
    }

    @Test
    void reversedOrderKeepsOneToken() {
        assertEquals(1, RougeL.longestCommonSubsequence(new long[] {1, 2, 3}, new long[] {3, 2, 1}));
        assertEquals(1.0 / 3, RougeL.fMeasure(new long[] {1, 2, 3}, new long[] {3, 2, 1}), 1e-12);
    }

    @Test
    void emptyAndDisjointSequences() {
        assertEquals(1, RougeL.fMeasure(new long[0], new long[0]));
        assertEquals(0, RougeL.fMeasure(new long[0], new long[] {1}));
        assertEquals(0, RougeL.fMeasure(new long[] {1}, new long[0]));
        assertEquals(0, RougeL.fMeasure(new long[] {1, 2}, new long[] {3, 4}));
        assertEquals(1, RougeL.fMeasure(new long[] {7, 8, 9}, new long[] {7, 8, 9}));
    }
}
