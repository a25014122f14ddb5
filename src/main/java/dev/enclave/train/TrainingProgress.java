package dev.enclave.train;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a training run has come: steps taken, examples and tokens seen, the loss curve so far and the losses not
 * yet averaged into a point. A checkpoint stores it, so a resumed run continues the same curve.
 *
 * @param step optimiser steps taken
 * @param examples examples seen, repeats included
 * @param tokens real tokens seen
 * @param lossCurve mean loss per logging interval, up to the last full interval
 * @param pendingLossSum sum of step losses since the last point
 * @param pendingLossCount steps since the last point
 */
public record TrainingProgress(int step, long examples, long tokens, List<LossPoint> lossCurve,
        double pendingLossSum, int pendingLossCount) {
    public TrainingProgress {
        lossCurve = List.copyOf(lossCurve);
    }

    /** Nothing done yet. */
    public static TrainingProgress start() {
        return new TrainingProgress(0, 0, 0, List.of(), 0, 0);
    }

    /** The progress after one more step; a loss point closes every {@code logEvery} steps and at {@code lastStep}. */
    TrainingProgress after(long stepExamples, long stepTokens, double loss, int logEvery, int lastStep) {
        int next = step + 1;
        double sum = pendingLossSum + loss;
        int count = pendingLossCount + 1;
        List<LossPoint> curve = lossCurve;
        if (next % logEvery == 0 || next == lastStep) {
            curve = new ArrayList<>(lossCurve);
            curve.add(new LossPoint(next, sum / count));
            sum = 0;
            count = 0;
        }
        return new TrainingProgress(next, examples + stepExamples, tokens + stepTokens, curve, sum, count);
    }
}
