package dev.enclave.train;

import java.util.List;

/**
 * The {@code checkpoint.json} of a training checkpoint (format {@value Checkpoints#FORMAT_VERSION}). With
 * {@code trainable.safetensors} (the trained tensors) and {@code optimizer.safetensors} (AdamW's moments) beside it,
 * it is everything a run needs to continue where it stopped.
 *
 * @param formatVersion the checkpoint format
 * @param task the training loop that wrote it
 * @param step optimiser steps taken; the data position, since the next step's batches are step + 1 of the plan
 * @param totalSteps steps in the plan
 * @param planSha256 fingerprint of the plan, so a changed spec or split is caught
 * @param seed the run's seed; the engine is reseeded with {@code seed + step} before each step (see
 *     {@link TrainingLoop#stepSeed}), which makes the random state a function of the step
 * @param nextEngineSeed the engine seed the next step starts from
 * @param scheduleDecay the learning-rate decay after warm-up
 * @param warmupSteps warm-up steps of the schedule
 * @param nextLearningRateFactor the schedule factor of the next step (0 when done)
 * @param optimizerSteps AdamW's step count, for its bias correction
 * @param trainable names of the trained tensors, as {@link AdamW#parameters()} lists them
 * @param progress examples, tokens and loss curve so far
 */
public record CheckpointState(int formatVersion, String task, int step, int totalSteps, String planSha256, long seed,
        int nextEngineSeed, String scheduleDecay, int warmupSteps, double nextLearningRateFactor, int optimizerSteps,
        List<String> trainable, TrainingProgress progress) {
    public CheckpointState {
        trainable = List.copyOf(trainable);
    }
}
