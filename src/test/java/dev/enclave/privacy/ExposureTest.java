package dev.enclave.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.spec.CanarySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exposure's rank estimate, its normal-fit estimate, and how they combine. */
class ExposureTest {
    private static final double LOG2_10 = Math.log(10) / Math.log(2);
    private static final Canary MRN = new Canary("canary-1", SecretShape.of(CanarySpec.Shape.MRN), "4829173", -1);

    @Test
    void rankExposureOnHandMadeScores() {
        double[] candidates = {1, 2, 3, 4, 5, 6, 7};
        assertEquals(3, Exposure.candidatesAbove(4.5, candidates), 1e-12);
        assertEquals(1.5, Exposure.candidatesAbove(6, candidates), 1e-12, "one above, one tie");
        assertEquals(0, Exposure.candidatesAbove(9, candidates));
        // 3 of 7 above: rank estimate (3 + 1) / 8 of the space, exposure -log2(1/2) = 1 bit
        assertEquals(1.0, Exposure.rankExposure(3, 7), 1e-12);
        // none above among 7: -log2(1/8) = 3 bits, the most 7 candidates can show
        assertEquals(3.0, Exposure.rankExposure(0, 7), 1e-12);
        assertEquals(0.0, Exposure.rankExposure(7, 7), 1e-12);
    }

    @Test
    void normalTailIsAccurateFarIntoTheTail() {
        assertEquals(-1.0, NormalTail.log2UpperTail(0), 1e-7, "P(Z >= 0) = 1/2");
        assertEquals(-Math.log(0.05) / Math.log(2), -NormalTail.log2UpperTail(1.6448536269514722), 1e-5);
        assertEquals(-Math.log(0.8413447460685429) / Math.log(2), -NormalTail.log2UpperTail(-1), 1e-6);
        // Q(10) = 7.6198530241605e-24, Q(30) = 4.906713927148e-198
        assertEquals(-Math.log(7.6198530241605e-24) / Math.log(2), -NormalTail.log2UpperTail(10), 1e-4);
        assertEquals(-Math.log(4.906713927148e-198) / Math.log(2), -NormalTail.log2UpperTail(30), 1e-3);
    }

    @Test
    void fitExposureReadsTheTailOfTheCandidatesNormalFit() {
        assertEquals(1.0, Exposure.fitExposure(5, 5, 2, 23), 1e-7, "at the mean: half the candidates above");
        assertEquals(-NormalTail.log2UpperTail(2), Exposure.fitExposure(9, 5, 2, 23), 1e-12);
        assertEquals(23, Exposure.fitExposure(6, 5, 0, 23), "no spread, secret above: the largest exposure");
        assertEquals(0, Exposure.fitExposure(5, 5, 0, 23));
    }

    @Test
    void theGatedFigureIsTheRankWhereResolvedAndTheFitBeyond() {
        double[] candidates = new double[99];
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = i < 49 ? -1 : i == 49 ? 0 : 1;
        }
        CanaryExposure middle = Exposure.of(MRN, 0, candidates);
        assertEquals(49.5, middle.candidatesAbove(), 1e-12);
        assertEquals(-Math.log(50.5 / 100) / Math.log(2), middle.exposure(), 1e-12, "rank estimate");
        assertEquals(middle.rankExposure(), middle.exposure());
        assertEquals(1.0, middle.fitExposure(), 1e-6);

        CanaryExposure far = Exposure.of(MRN, 6, candidates);
        assertEquals(0, far.candidatesAbove());
        assertEquals(Math.log(100) / Math.log(2), far.rankExposure(), 1e-12);
        assertTrue(far.fitExposure() > 20, far.toString());
        assertEquals(7 * LOG2_10, far.maxExposure(), 1e-12);
        assertEquals(far.maxExposure(), far.exposure(), 1e-12, "the fit is clipped at log2 of 10^7 secrets");
        assertEquals(1.0, far.candidateStdDev(), 0.01);
    }

    @Test
    void measureScoresTheSecretFirstThenTheSameCandidatesForTheSameSeed() {
        List<List<String>> seen = new ArrayList<>();
        CandidateScorer byDigitSum = texts -> {
            seen.add(texts);
            return texts.stream().mapToDouble(t -> t.chars().filter(Character::isDigit).map(c -> c - '0').sum())
                    .toArray();
        };
        CanaryExposure first = Exposure.measure(MRN, byDigitSum, 50, 9);
        Exposure.measure(MRN, byDigitSum, 50, 9);
        Exposure.measure(MRN, byDigitSum, 50, 10);
        assertEquals(51, seen.get(0).size());
        assertEquals("medical record number 4829173", seen.get(0).get(0));
        assertTrue(seen.get(0).stream().skip(1).allMatch(t -> t.matches("medical record number \\d{7}")));
        assertEquals(seen.get(0), seen.get(1));
        assertNotEquals(seen.get(0), seen.get(2));
        assertEquals(50, first.candidates());
        assertEquals(34, first.secretScore());
    }
}
