package dev.enclave.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model is tuned to do, and how each row becomes a training example.
 *
 * <ul>
 *   <li>{@code classification}: the text's tokens and the label's index;
 *   <li>{@code masked-lm}: the text's tokens (masking happens while training);
 *   <li>{@code causal-lm}: {@code promptTemplate} and {@code completionTemplate} are filled in with the row's
 *       {@code {text}} and {@code {label}}; the example is the prompt's tokens, then the completion's, then the
 *       end-of-sequence token, with a loss mask that is 1 on the completion and the end token only.
 * </ul>
 *
 * @param type the task (default {@code classification})
 * @param maxTokens tokens per example, special tokens included (default 128; at most 512 for the BERT-style tasks).
 *     A longer text is truncated; a causal example whose completion cannot fit even with an empty {@code {text}} is
 *     filtered ({@code TRUNCATED_COMPLETION})
 * @param promptTemplate causal-lm: the prompt (default empty)
 * @param completionTemplate causal-lm: what the model learns to write (default {@code {text}}: plain language
 *     modelling)
 * @param packing causal-lm: concatenate examples, each ending with the end token, into sequences of up to
 *     {@code maxTokens} (default false)
 * @param eosToken causal-lm: the end-of-sequence token, when the model's {@code config.json} has no
 *     {@code eos_token_id}
 */
public record TaskSpec(
        Type type,
        Integer maxTokens,
        String promptTemplate,
        String completionTemplate,
        Boolean packing,
        String eosToken) {

    /** Tasks. */
    public enum Type {
        @JsonProperty("classification") CLASSIFICATION,
        @JsonProperty("masked-lm") MASKED_LM,
        @JsonProperty("causal-lm") CAUSAL_LM
    }

    /** The placeholders templates may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("text", "label");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    public TaskSpec {
        type = Objects.requireNonNullElse(type, Type.CLASSIFICATION);
        maxTokens = Checks.positive(Objects.requireNonNullElse(maxTokens, 128), "max_tokens");
        if (type != Type.CAUSAL_LM && maxTokens > 512) {
            throw Checks.invalid("max_tokens", "must be at most 512 (got " + maxTokens + ")");
        }
        if (maxTokens < 2) {
            throw Checks.invalid("max_tokens", "must be at least 2 (got " + maxTokens + ")");
        }
        if (type != Type.CAUSAL_LM && (promptTemplate != null || completionTemplate != null
                || Boolean.TRUE.equals(packing) || eosToken != null)) {
            throw Checks.invalid(promptTemplate != null ? "prompt_template" : completionTemplate != null
                    ? "completion_template" : eosToken != null ? "eos_token" : "packing", "applies to type causal-lm only");
        }
        packing = Objects.requireNonNullElse(packing, false);
        if (type == Type.CAUSAL_LM) {
            promptTemplate = Objects.requireNonNullElse(promptTemplate, "");
            completionTemplate = Objects.requireNonNullElse(completionTemplate, "{text}");
            checkPlaceholders(promptTemplate, "prompt_template");
            checkPlaceholders(completionTemplate, "completion_template");
            if (countOf(promptTemplate, "{text}") + countOf(completionTemplate, "{text}") > 1) {
                throw Checks.invalid("completion_template", "{text} may appear once, in one of the two templates");
            }
            if (completionTemplate.isEmpty()) {
                throw Checks.invalid("completion_template", "must not be empty: it is what the model learns");
            }
        }
    }

    /** Whether the examples need a label: classification, or a causal template that names {@code {label}}. */
    public boolean usesLabel() {
        return type == Type.CLASSIFICATION || (type == Type.CAUSAL_LM
                && (promptTemplate.contains("{label}") || completionTemplate.contains("{label}")));
    }

    private static void checkPlaceholders(String template, String field) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw Checks.invalid(field, "has the placeholder {" + matcher.group(1)
                        + "}; templates may use {text} and {label}");
            }
        }
    }

    private static int countOf(String template, String placeholder) {
        int count = 0;
        for (int at = template.indexOf(placeholder); at >= 0; at = template.indexOf(placeholder, at + 1)) {
            count++;
        }
        return count;
    }

    static TaskSpec defaults() {
        return new TaskSpec(null, null, null, null, null, null);
    }
}
