package dev.enclave.privacy;

import java.util.List;

/**
 * How likely a model finds canary texts and their candidates: higher means more likely (a log-likelihood, or a log-probability of a label). Only
 * the order of the scores of texts of one shape matters to exposure.
 */
@FunctionalInterface
public interface CandidateScorer {

    /** One score per text, in order. */
    double[] scores(List<String> texts);
}
