package dev.enclave.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which examples are visited: each epoch a permutation drawn from a seeded generator, cut into batches.
 * The same seed gives the same batches, so a run, and a resumed run, see the data in one order.
 */
public final class Batches {
    private Batches() {}

    /** Batches for {@code epochs} passes over {@code count} examples; the last partial batch of an epoch is kept. */
    public static List<int[]> plan(int count, int batchSize, int epochs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> batches = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = permutation(count, random);
            for (int start = 0; start < count; start += batchSize) {
                batches.add(java.util.Arrays.copyOfRange(order, start, Math.min(count, start + batchSize)));
            }
        }
        return batches;
    }

    /** Batches in input order, for evaluation. */
    public static List<int[]> sequential(int count, int batchSize) {
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < count; start += batchSize) {
            int[] batch = new int[Math.min(count, start + batchSize) - start];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = start + i;
            }
            batches.add(batch);
        }
        return batches;
    }

    private static int[] permutation(int count, SplittableRandom random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
