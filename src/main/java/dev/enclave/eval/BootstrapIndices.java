package dev.enclave.eval;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded resampling of example indices with replacement. The same seed gives the same sequence of resamples, so
 * metrics of two models computed with one seed are evaluated on identical resamples.
 */
final class BootstrapIndices {

    private final SplittableRandom random;
    private final int[] indices;

    BootstrapIndices(int examples, long seed) {
        this.random = new SplittableRandom(seed);
        this.indices = new int[examples];
    }

    static void checkSamples(int bootstrapSamples) {
        if (bootstrapSamples < 1) {
            throw new IllegalArgumentException("bootstrapSamples must be at least 1, got " + bootstrapSamples);
        }
    }

    static void checkLabels(List<String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels is empty");
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels contains duplicates");
        }
    }

    /** Draws the next resample; the returned array is reused by the following call. */
    int[] next() {
        for (int i = 0; i < indices.length; i++) {
            indices[i] = random.nextInt(indices.length);
        }
        return indices;
    }
}
