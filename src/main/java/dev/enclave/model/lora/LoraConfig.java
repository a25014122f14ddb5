package dev.enclave.model.lora;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of a LoRA update, as Hugging Face PEFT's {@code LoraConfig} has it: rank, alpha, dropout and target
 * modules. A module is targeted when its dotted path equals one of the target names or ends with {@code "." + name}
 * (PEFT's rule for a list of names), so {@code query} targets {@code encoder.layer.3.attention.self.query}.
 *
 * @param rank r, the rank of the update
 * @param alpha the update is scaled by alpha / r
 * @param dropout dropout on the adapter's input while training, in [0, 1)
 * @param targetModules module names, at least one
 */
public record LoraConfig(int rank, double alpha, double dropout, List<String> targetModules) {

    /** Validates and copies. */
    public LoraConfig {
        if (rank <= 0) {
            throw new IllegalArgumentException("LoRA rank must be positive, got " + rank);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("LoRA alpha must be positive, got " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), got " + dropout);
        }
        targetModules = List.copyOf(targetModules);
        if (targetModules.isEmpty() || targetModules.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("LoRA needs target module names, got " + targetModules);
        }
    }

    /**
     * Builds a configuration from target names separated by {@code |}, e.g. {@code q_proj|v_proj}.
     *
     * @param rank r
     * @param alpha the scale numerator
     * @param dropout the adapter input dropout
     * @param targets module names separated by {@code |}
     * @return the configuration
     */
    public static LoraConfig of(int rank, double alpha, double dropout, String targets) {
        return new LoraConfig(rank, alpha, dropout, Arrays.asList(targets.split("\\|", -1)));
    }

    /**
     * Returns the factor on B A: alpha / rank.
     *
     * @return the scale
     */
    public double scale() {
        return alpha / rank;
    }

    /**
     * Returns the target name that selects a module, if any.
     *
     * @param modulePath the module's dotted Hugging Face path, e.g. {@code model.layers.0.self_attn.q_proj}
     * @return the first matching target name, or null
     */
    public String targetOf(String modulePath) {
        for (String target : targetModules) {
            if (modulePath.equals(target) || modulePath.endsWith("." + target)) {
                return target;
            }
        }
        return null;
    }
}
