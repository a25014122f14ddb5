package dev.enclave.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Mann–Whitney AUC, its bootstrap interval, and the sampling of examples. */
class MembershipAttackTest {

    @Test
    void aucCountsPairsWithTiesHalf() {
        // pairs (p, n): 3>2, 3>1, 2=2 (half), 2>1, 2=2 (half), 2>1 -> 5 / 6
        assertEquals(5.0 / 6, MembershipAttack.auc(new double[] {3, 2, 2}, new double[] {2, 1}), 1e-12);
        assertEquals(0.5, MembershipAttack.auc(new double[] {1, 2, 3}, new double[] {1, 2, 3}), 1e-12);
        assertEquals(0.5, MembershipAttack.auc(new double[] {7, 7}, new double[] {7, 7, 7}), 1e-12);
        // 2 positives, 2 negatives: 5 > 1, 5 > 4, 2 > 1, 2 < 4 -> 3 / 4
        assertEquals(0.75, MembershipAttack.auc(new double[] {5, 2}, new double[] {1, 4}), 1e-12);
    }

    @Test
    void perfectSeparationGivesOneAndReversedGivesZero() {
        assertEquals(1.0, MembershipAttack.auc(new double[] {10, 11, 12}, new double[] {1, 2}), 1e-12);
        assertEquals(0.0, MembershipAttack.auc(new double[] {1, 2}, new double[] {10, 11, 12}), 1e-12);
    }

    @Test
    void membersWithLowerLossesGiveAHighAucWithAnIntervalAroundIt() {
        double[] members = new double[100];
        double[] nonMembers = new double[120];
        for (int i = 0; i < members.length; i++) {
            members[i] = 0.2 + 0.005 * i;
        }
        for (int i = 0; i < nonMembers.length; i++) {
            nonMembers[i] = 0.8 + 0.01 * i;
        }
        MembershipResult perfect = MembershipAttack.evaluate(members, nonMembers, 3, 200);
        assertEquals(1.0, perfect.auc(), 1e-12, "every member has the lower loss");
        assertEquals(1.0, perfect.interval().low(), 1e-12);
        assertEquals(0.4475, perfect.memberMeanLoss(), 1e-9);
        assertEquals(100, perfect.members());

        MembershipResult mixed = MembershipAttack.evaluate(members, Arrays.copyOf(members, 90), 3, 500);
        assertTrue(Math.abs(mixed.auc() - 0.5) < 0.1, "same losses: about 0.5, got " + mixed.auc());
        assertTrue(mixed.interval().contains(mixed.auc()) && mixed.interval().width() > 0.05, mixed.toString());
        assertEquals(mixed, MembershipAttack.evaluate(members, Arrays.copyOf(members, 90), 3, 500), "seeded");
        assertThrows(IllegalArgumentException.class, () -> MembershipAttack.evaluate(new double[0], members, 3, 10));
    }

    @Test
    void sampleDrawsDistinctIndicesDeterministically() {
        int[] sample = MembershipAttack.sample(1000, 50, 7);
        assertEquals(50, sample.length);
        assertEquals(50, Arrays.stream(sample).distinct().count());
        assertTrue(Arrays.stream(sample).allMatch(i -> i >= 0 && i < 1000));
        assertArrayEquals(sample, MembershipAttack.sample(1000, 50, 7));
        assertArrayEquals(new int[] {0, 1, 2}, MembershipAttack.sample(3, 50, 7), "a small split is used whole");
    }
}
