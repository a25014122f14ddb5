package dev.enclave.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded 80/10/10 masking: deterministic per (seed, round, example), specials untouched, about 15% chosen. */
class MaskedLmMaskingTest {
    static final MaskedLmVocabulary VOCABULARY = new MaskedLmVocabulary(4, Set.of(0, 1, 2, 3, 4), 100);

    static int[] text(int length) {
        int[] ids = new int[length];
        ids[0] = 2;
        for (int t = 1; t < length - 1; t++) {
            ids[t] = 5 + (t * 7) % 95;
        }
        ids[length - 1] = 3;
        return ids;
    }

    @Test
    void sameSeedRoundAndExampleGiveTheSameMasks() {
        MaskedLmMasking masking = new MaskedLmMasking(VOCABULARY, 42);
        MaskedLmMasking.Masked first = masking.mask(text(64), 3, 7);
        MaskedLmMasking.Masked again = new MaskedLmMasking(VOCABULARY, 42).mask(text(64), 3, 7);
        assertArrayEquals(first.inputIds(), again.inputIds());
        assertArrayEquals(first.labels(), again.labels());
        assertFalse(Arrays.equals(first.labels(), masking.mask(text(64), 4, 7).labels()), "another round");
        assertFalse(Arrays.equals(first.labels(), masking.mask(text(64), 3, 8).labels()), "another example");
    }

    @Test
    void specialTokensAreNeverChosenAndTheProportionsHold() {
        MaskedLmMasking masking = new MaskedLmMasking(VOCABULARY, 1);
        int[] ids = text(202);
        long chosen = 0;
        long masked = 0;
        long kept = 0;
        long eligible = 0;
        for (int example = 0; example < 200; example++) {
            MaskedLmMasking.Masked m = masking.mask(ids, 1, example);
            assertEquals(MaskedLmMasking.IGNORED, m.labels()[0]);
            assertEquals(MaskedLmMasking.IGNORED, m.labels()[ids.length - 1]);
            for (int t = 1; t < ids.length - 1; t++) {
                eligible++;
                if (m.labels()[t] == MaskedLmMasking.IGNORED) {
                    assertEquals(ids[t], m.inputIds()[t], "unchosen tokens stay");
                    continue;
                }
                assertEquals(ids[t], m.labels()[t]);
                chosen++;
                masked += m.inputIds()[t] == 4 ? 1 : 0;
                kept += m.inputIds()[t] == ids[t] ? 1 : 0;
                assertTrue(m.inputIds()[t] == 4 || m.inputIds()[t] >= 5, "a replacement is never special");
            }
        }
        assertEquals(0.15, (double) chosen / eligible, 0.01);
        assertEquals(0.8, (double) masked / chosen, 0.03);
        assertEquals(0.1, (double) kept / chosen, 0.03);
    }

    @Test
    void everyExampleHasAScoredToken() {
        MaskedLmMasking masking = new MaskedLmMasking(VOCABULARY, 5);
        for (int example = 0; example < 50; example++) {
            long scored = Arrays.stream(masking.mask(new int[] {2, 9, 3}, 1, example).labels())
                    .filter(label -> label != MaskedLmMasking.IGNORED).count();
            assertEquals(1, scored);
        }
    }
}
