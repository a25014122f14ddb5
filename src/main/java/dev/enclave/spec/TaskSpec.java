package dev.enclave.spec;

import java.util.Objects;

/**
 * What the model is tuned to do.
 *
 * @param type the task
 * @param maxTokens texts are truncated to this many tokens, special tokens included (default 128, at most 512)
 */
public record TaskSpec(Type type, Integer maxTokens) {

    /** Tasks. */
    public enum Type { CLASSIFICATION }

    public TaskSpec {
        type = Objects.requireNonNullElse(type, Type.CLASSIFICATION);
        maxTokens = Checks.positive(Objects.requireNonNullElse(maxTokens, 128), "max_tokens");
        if (maxTokens > 512) {
            throw Checks.invalid("max_tokens", "must be at most 512 (got " + maxTokens + ")");
        }
    }

    static TaskSpec defaults() {
        return new TaskSpec(null, null);
    }
}
