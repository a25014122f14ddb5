package dev.enclave.spec;

import java.util.Objects;

/**
 * Evaluation settings.
 *
 * @param bootstrapSamples resamples for the 95% confidence intervals (default 1000)
 * @param batchSize examples per forward pass (default 32)
 */
public record EvaluationSpec(Integer bootstrapSamples, Integer batchSize) {
    public EvaluationSpec {
        bootstrapSamples = Checks.positive(Objects.requireNonNullElse(bootstrapSamples, 1000), "bootstrap_samples");
        batchSize = Checks.positive(Objects.requireNonNullElse(batchSize, 32), "batch_size");
    }

    static EvaluationSpec defaults() {
        return new EvaluationSpec(null, null);
    }
}
