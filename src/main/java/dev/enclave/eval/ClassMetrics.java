package dev.enclave.eval;

/**
 * Precision, recall and F1 of one class, treating it as the positive class against all others.
 *
 * <p>Where a ratio is undefined it is 0 by convention: precision when the class was never predicted, recall when
 * it never occurs in the gold labels (zero support), and F1 when precision and recall are both 0.
 *
 * @param label     the class name
 * @param precision true positives over predictions of this class
 * @param recall    true positives over gold examples of this class
 * @param f1        harmonic mean of precision and recall
 * @param support   gold examples of this class
 * @param predicted examples predicted as this class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support, int predicted) {

    /**
     * Whether the class counts towards macro-F1: it occurs in the gold labels or in the predictions. A class that
     * occurs in neither carries no evidence about the model and is left out of the average.
     */
    public boolean inMacroAverage() {
        return support > 0 || predicted > 0;
    }
}
