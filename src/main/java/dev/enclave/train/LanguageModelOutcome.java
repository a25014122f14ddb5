package dev.enclave.train;

import java.util.List;

/**
 * What fine-tuning a language model did, for the manifest and the report.
 *
 * @param steps optimiser steps taken
 * @param examples examples (or packed sequences) seen, repeats included
 * @param tokens real tokens seen
 * @param trainableParameters parameters the optimiser updated
 * @param lossCurve mean loss per logging interval
 * @param validationLoss mean loss per scored token on the validation split after training; null when it is empty
 * @param validationPerplexity {@code exp(validationLoss)}; null when the split is empty
 */
public record LanguageModelOutcome(int steps, long examples, long tokens, long trainableParameters,
        List<LossPoint> lossCurve, Double validationLoss, Double validationPerplexity) {
    public LanguageModelOutcome {
        lossCurve = List.copyOf(lossCurve);
    }
}
