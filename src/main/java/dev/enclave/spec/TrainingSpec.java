package dev.enclave.spec;

import java.util.Locale;
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
 * @param method {@code full}: every weight trains; {@code lora}: the base weights are frozen and low-rank adapters
 *     (see {@link LoraSpec}) train, with the task head
 * @param lora adapter settings, used when {@code method} is {@code lora}
 * @param schedule decay after warm-up: {@code linear} or {@code cosine}, both to zero at the last step
 * @param gradientAccumulation batches of {@code batchSize} whose gradients add up to one optimiser step
 * @param devices {@code auto} (every GPU, else the CPU), {@code cpu}, or {@code gpu:0,1}; each batch is split across
 *     the devices
 * @param checkpointEvery optimiser steps between resumable checkpoints, one more at the end (0: only at the end)
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
        Integer logEvery,
        Method method,
        LoraSpec lora,
        Schedule schedule,
        Integer gradientAccumulation,
        String devices,
        Integer checkpointEvery) {

    /** Which weights train. */
    public enum Method { FULL, LORA }

    /** Learning-rate decay after the warm-up. */
    public enum Schedule { LINEAR, COSINE }

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
        method = Objects.requireNonNullElse(method, Method.FULL);
        lora = Objects.requireNonNullElseGet(lora, LoraSpec::defaults);
        schedule = Objects.requireNonNullElse(schedule, Schedule.LINEAR);
        gradientAccumulation = Checks.positive(Objects.requireNonNullElse(gradientAccumulation, 1),
                "gradient_accumulation");
        devices = Objects.requireNonNullElse(devices, "auto").trim().toLowerCase(Locale.ROOT);
        if (!devices.matches("auto|cpu|gpu|gpu:\\d+(,\\d+)*")) {
            throw Checks.invalid("devices", "must be 'auto', 'cpu', 'gpu' or 'gpu:' with indices, e.g. 'gpu:0,1'"
                    + " (got '" + devices + "')");
        }
        checkpointEvery = Objects.requireNonNullElse(checkpointEvery, 100);
        if (checkpointEvery < 0) {
            throw Checks.invalid("checkpoint_every", "must not be negative");
        }
    }

    static TrainingSpec defaults() {
        return new TrainingSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
