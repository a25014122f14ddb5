package dev.enclave.spec;

import java.util.Objects;

/**
 * Fine-tuning settings. The base model for comparison is the frozen encoder with a head trained for the same steps at
 * {@code headLearningRate}. Absent keys take the defaults shown in {@link #defaults()}.
 *
 * @param epochs passes over the training split
 * @param maxSteps stop after this many optimiser steps (0: no limit)
 * @param batchSize examples per step
 * @param learningRate peak learning rate of the encoder
 * @param headLearningRate peak learning rate of the classification head
 * @param weightDecay AdamW's decoupled weight decay
 * @param warmupFraction share of steps spent warming up linearly before linear decay
 * @param clipGradNorm global gradient norm clip (0: off)
 * @param dropout dropout in the head and encoder while training
 * @param logEvery steps between progress lines and loss points
 */
public record TrainingSpec(
        Integer epochs,
        Integer maxSteps,
        Integer batchSize,
        Double learningRate,
        Double headLearningRate,
        Double weightDecay,
        Double warmupFraction,
        Double clipGradNorm,
        Double dropout,
        Integer logEvery) {

    public TrainingSpec {
        epochs = Checks.positive(Objects.requireNonNullElse(epochs, 1), "epochs");
        maxSteps = Objects.requireNonNullElse(maxSteps, 0);
        if (maxSteps < 0) {
            throw Checks.invalid("max_steps", "must not be negative");
        }
        batchSize = Checks.positive(Objects.requireNonNullElse(batchSize, 16), "batch_size");
        learningRate = Checks.positive(Objects.requireNonNullElse(learningRate, 5e-5), "learning_rate");
        headLearningRate = Checks.positive(Objects.requireNonNullElse(headLearningRate, 1e-3), "head_learning_rate");
        weightDecay = Checks.fraction(Objects.requireNonNullElse(weightDecay, 0.01), "weight_decay");
        warmupFraction = Checks.fraction(Objects.requireNonNullElse(warmupFraction, 0.1), "warmup_fraction");
        clipGradNorm = Objects.requireNonNullElse(clipGradNorm, 1.0);
        if (clipGradNorm < 0) {
            throw Checks.invalid("clip_grad_norm", "must not be negative");
        }
        dropout = Checks.fraction(Objects.requireNonNullElse(dropout, 0.1), "dropout");
        logEvery = Checks.positive(Objects.requireNonNullElse(logEvery, 10), "log_every");
    }

    static TrainingSpec defaults() {
        return new TrainingSpec(null, null, null, null, null, null, null, null, null, null);
    }
}
