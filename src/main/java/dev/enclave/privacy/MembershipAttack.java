package dev.enclave.privacy;

import dev.enclave.eval.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;

/** The loss-based membership-inference attack ({@link MembershipResult}): sampling, AUC and its bootstrap interval. */
public final class MembershipAttack {
    private static final long STREAM = 0x6d656d6265727300L;

    private MembershipAttack() {}

    /**
     * Which examples of a split the attack scores: {@code count} distinct indices (all when the split is smaller),
     * drawn with {@code seed}, ascending.
     */
    public static int[] sample(int size, int count, long seed) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = i;
        }
        int chosen = Math.min(size, count);
        SplittableRandom random = new SplittableRandom(seed ^ STREAM);
        for (int i = 0; i < chosen; i++) {
            int j = i + random.nextInt(size - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        int[] sample = Arrays.copyOf(indices, chosen);
        Arrays.sort(sample);
        return sample;
    }

    /**
     * Runs the attack on per-example losses.
     *
     * @param memberLosses losses of train examples
     * @param nonMemberLosses losses of held-out examples
     * @param seed seeds the bootstrap
     * @param bootstrapSamples resamples for the interval
     */
    public static MembershipResult evaluate(double[] memberLosses, double[] nonMemberLosses, long seed,
            int bootstrapSamples) {
        if (memberLosses.length == 0 || nonMemberLosses.length == 0) {
            throw new IllegalArgumentException("the attack needs members and non-members, got "
                    + memberLosses.length + " and " + nonMemberLosses.length);
        }
        if (bootstrapSamples < 1) {
            throw new IllegalArgumentException("bootstrapSamples must be at least 1, got " + bootstrapSamples);
        }
        double[] members = negated(memberLosses);
        double[] nonMembers = negated(nonMemberLosses);
        SplittableRandom random = new SplittableRandom(seed ^ STREAM);
        double[] replicates = new double[bootstrapSamples];
        double[] m = new double[members.length];
        double[] n = new double[nonMembers.length];
        for (int b = 0; b < bootstrapSamples; b++) {
            for (int i = 0; i < m.length; i++) {
                m[i] = members[random.nextInt(m.length)];
            }
            for (int i = 0; i < n.length; i++) {
                n[i] = nonMembers[random.nextInt(n.length)];
            }
            replicates[b] = auc(m, n);
        }
        return new MembershipResult(auc(members, nonMembers), Interval.percentile(replicates, Interval.LEVEL_95),
                members.length, nonMembers.length, mean(memberLosses), mean(nonMemberLosses), bootstrapSamples);
    }

    /**
     * The Mann–Whitney AUC: the probability that a positive scores above a negative, ties counted half. Computed from
     * mid-ranks in O(n log n).
     *
     * @param positives scores of the positives (here members, score = −loss)
     * @param negatives scores of the negatives
     */
    public static double auc(double[] positives, double[] negatives) {
        int total = positives.length + negatives.length;
        double[] values = new double[total];
        boolean[] positive = new boolean[total];
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            boolean isPositive = i < positives.length;
            values[i] = isPositive ? positives[i] : negatives[i - positives.length];
            positive[i] = isPositive;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double positiveRankSum = 0;
        int start = 0;
        while (start < total) {
            int end = start;
            while (end + 1 < total && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                positiveRankSum += positive[order[k]] ? midRank : 0;
            }
            start = end + 1;
        }
        double p = positives.length;
        return (positiveRankSum - p * (p + 1) / 2) / (p * negatives.length);
    }

    private static double[] negated(double[] losses) {
        double[] scores = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isFinite(losses[i])) {
                throw new IllegalArgumentException("loss " + i + " is " + losses[i]);
            }
            scores[i] = -losses[i];
        }
        return scores;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
