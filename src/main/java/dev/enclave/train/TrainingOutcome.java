package dev.enclave.train;

import java.util.List;

/**
 * What one training run did, for the manifest and the report.
 *
 * @param steps optimiser steps taken
 * @param examples examples seen, repeats included
 * @param tokens real tokens seen
 * @param trainableParameters parameters the optimiser updated
 * @param lossCurve mean loss per logging interval
 * @param validationLoss mean loss on the validation split after training (NaN when the split is empty)
 * @param validationAccuracy accuracy on the validation split after training (NaN when empty)
 */
public record TrainingOutcome(int steps, long examples, long tokens, long trainableParameters,
        List<LossPoint> lossCurve, double validationLoss, double validationAccuracy) {
    public TrainingOutcome {
        lossCurve = List.copyOf(lossCurve);
    }
}
