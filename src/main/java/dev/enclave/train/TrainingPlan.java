package dev.enclave.train;

import dev.enclave.util.Hashing;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Which examples each optimiser step sees: a list of steps, each made of the micro-batches whose gradients add up
 * to it. Drawn from a seed by {@link Batches}, so a resumed run finds its place by step number alone; the
 * fingerprint lets it check that the plan is the one its checkpoint was trained on.
 *
 * @param steps per step, the example indices of each micro-batch
 */
public record TrainingPlan(List<List<int[]>> steps) {
    public TrainingPlan {
        steps = steps.stream().map(List::copyOf).toList();
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a training plan needs at least one step");
        }
    }

    /**
     * Plans {@code epochs} seeded passes over {@code examples}, {@code batchSize} per micro-batch and
     * {@code accumulation} micro-batches per step (fewer in the last step), cut to {@code maxSteps} when positive.
     */
    public static TrainingPlan of(int examples, int batchSize, int accumulation, int epochs, int maxSteps,
            long seed) {
        List<int[]> microBatches = Batches.plan(examples, batchSize, epochs, seed);
        List<List<int[]>> steps = new ArrayList<>();
        for (int start = 0; start < microBatches.size(); start += accumulation) {
            if (maxSteps > 0 && steps.size() == maxSteps) {
                break;
            }
            steps.add(microBatches.subList(start, Math.min(microBatches.size(), start + accumulation)));
        }
        return new TrainingPlan(steps);
    }

    /** Number of optimiser steps. */
    public int size() {
        return steps.size();
    }

    /** The micro-batches of a 1-based step. */
    public List<int[]> step(int step) {
        return steps.get(step - 1);
    }

    /** SHA-256 over every index of every micro-batch, with the batch boundaries. */
    public String fingerprint() {
        MessageDigest digest = Hashing.newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(8);
        for (List<int[]> step : steps) {
            digest.update((byte) 'S');
            for (int[] batch : step) {
                digest.update((byte) 'B');
                for (int index : batch) {
                    digest.update(buffer.clear().putInt(index).array(), 0, 4);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
