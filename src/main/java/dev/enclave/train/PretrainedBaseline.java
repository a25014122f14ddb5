package dev.enclave.train;

/**
 * The base model of a language-model run: the pretrained model as it is, evaluated and never trained (unlike the
 * classification base, whose new head must be trained to say anything at all).
 *
 * @param model the spec's model path
 * @param trained always false
 * @param description how the base is defined, in words
 * @param validationLoss its mean loss per scored token on the validation split; null when the split is empty
 * @param validationPerplexity {@code exp(validationLoss)}; null when the split is empty
 */
public record PretrainedBaseline(String model, boolean trained, String description, Double validationLoss,
        Double validationPerplexity) {
    /** How the base is defined, as the manifest says it. */
    public static final String DESCRIPTION = "the pretrained model as loaded from model.path, evaluated, not trained";

    /** The baseline with the validation loss measured before training. */
    public static PretrainedBaseline of(String model, Double validationLoss) {
        return new PretrainedBaseline(model, false, DESCRIPTION, validationLoss,
                validationLoss == null ? null : Math.exp(validationLoss));
    }
}
