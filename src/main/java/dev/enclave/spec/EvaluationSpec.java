package dev.enclave.spec;

import java.util.Objects;

/**
 * Evaluation settings.
 *
 * @param bootstrapSamples resamples for the 95% confidence intervals (default 1000)
 * @param batchSize examples per forward pass (default 32)
 * @param privacy canaries, membership inference and the privacy gates (on with its defaults when left out)
 */
public record EvaluationSpec(Integer bootstrapSamples, Integer batchSize, PrivacySpec privacy) {
    public EvaluationSpec {
        bootstrapSamples = Checks.positive(Objects.requireNonNullElse(bootstrapSamples, 1000), "bootstrap_samples");
        batchSize = Checks.positive(Objects.requireNonNullElse(batchSize, 32), "batch_size");
        privacy = Objects.requireNonNullElseGet(privacy, PrivacySpec::defaults);
    }

    static EvaluationSpec defaults() {
        return new EvaluationSpec(null, null, null);
    }
}
