package dev.enclave.spec;

import java.util.Objects;

/**
 * Evaluation settings.
 *
 * @param bootstrapSamples resamples for the 95% confidence intervals (default 1000)
 * @param batchSize examples per forward pass (default 32)
 * @param generationExamples causal-lm: how many unpacked test examples (the first in id order) get a greedy
 *     completion for exact match and ROUGE-L (default 50; 0: none). Generation costs one forward pass per new token.
 * @param privacy canaries, membership inference and the privacy gates (on with its defaults when left out)
 */
public record EvaluationSpec(Integer bootstrapSamples, Integer batchSize, Integer generationExamples,
        PrivacySpec privacy) {
    public EvaluationSpec {
        bootstrapSamples = Checks.positive(Objects.requireNonNullElse(bootstrapSamples, 1000), "bootstrap_samples");
        batchSize = Checks.positive(Objects.requireNonNullElse(batchSize, 32), "batch_size");
        generationExamples = Objects.requireNonNullElse(generationExamples, 50);
        if (generationExamples < 0) {
            throw Checks.invalid("generation_examples", "must not be negative");
        }
        privacy = Objects.requireNonNullElseGet(privacy, PrivacySpec::defaults);
    }

    static EvaluationSpec defaults() {
        return new EvaluationSpec(null, null, null, null);
    }
}
