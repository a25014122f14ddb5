package dev.enclave.spec;

import java.util.Objects;

/**
 * Low-rank adaptation settings, used when {@code training.method} is {@code lora}. Each targeted projection
 * {@code y = x Wᵀ + b} becomes {@code y = x Wᵀ + b + (alpha / rank) · B A dropout(x)} with W frozen and only A
 * [rank × in] and B [out × rank] trained, as in Hugging Face PEFT.
 *
 * @param rank rank r of the update (default 8)
 * @param alpha scaling numerator; the update is multiplied by alpha / rank (default 16)
 * @param dropout dropout on the adapter's input while training (default 0.05)
 * @param targetModules projections to adapt, as module names separated by {@code |}; a module matches when its
 *     dotted Hugging Face path ends with one of them (default {@value #DEFAULT_TARGETS}: the attention query and value
 *     projections of BERT and Llama)
 */
public record LoraSpec(Integer rank, Double alpha, Double dropout, String targetModules) {

    /** Query and value projections, under their BERT and Llama names. */
    public static final String DEFAULT_TARGETS = "query|value|q_proj|v_proj";

    public LoraSpec {
        rank = Checks.positive(Objects.requireNonNullElse(rank, 8), "rank");
        alpha = Checks.positive(Objects.requireNonNullElse(alpha, 16.0), "alpha");
        dropout = Objects.requireNonNullElse(dropout, 0.05);
        if (!(dropout >= 0 && dropout < 1)) {
            throw Checks.invalid("dropout", "must be in [0, 1) (got " + dropout + ")");
        }
        targetModules = Objects.requireNonNullElse(targetModules, DEFAULT_TARGETS);
        if (!targetModules.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*(\\|[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*)*")) {
            throw Checks.invalid("target_modules", "must be module names separated by '|', e.g. 'query|value'");
        }
    }

    static LoraSpec defaults() {
        return new LoraSpec(null, null, null, null);
    }
}
