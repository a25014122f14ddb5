package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs a classifier over examples in fixed-size batches without gradients, giving predictions and the mean loss.
 */
public final class Evaluation {
    private static final SoftmaxCrossEntropyLoss CROSS_ENTROPY = new SoftmaxCrossEntropyLoss("cross_entropy");

    /**
     * Predictions for a split.
     *
     * @param predicted argmax label per example, in input order
     * @param meanLoss mean cross-entropy against the gold labels (NaN when there are no examples)
     */
    public record Predictions(int[] predicted, double meanLoss) {
        /** Share of predictions equal to the gold labels (NaN when empty). */
        public double accuracy(List<Example> examples) {
            if (predicted.length == 0) {
                return Double.NaN;
            }
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                correct += predicted[i] == examples.get(i).label() ? 1 : 0;
            }
            return (double) correct / predicted.length;
        }
    }

    private Evaluation() {}

    /** {@code logits} maps (scope, batch indices) to logits [B, labels]. */
    public static Predictions predict(List<Example> examples, int batchSize, NDManager manager,
            BiFunction<NDManager, int[], NDArray> logits) {
        int[] predicted = new int[examples.size()];
        double lossSum = 0;
        for (int[] batch : Batches.sequential(examples.size(), batchSize)) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray out = logits.apply(scope, batch);
                NDArray labels = ExampleBatches.labels(scope, examples, batch);
                lossSum += CROSS_ENTROPY.evaluate(new NDList(labels), new NDList(out)).getFloat() * batch.length;
                long[] argmax = out.argMax(1).toLongArray();
                for (int i = 0; i < batch.length; i++) {
                    predicted[batch[i]] = (int) argmax[i];
                }
            }
        }
        return new Predictions(predicted, examples.isEmpty() ? Double.NaN : lossSum / examples.size());
    }

    /** The mean cross-entropy of logits against labels, as training minimises it. */
    public static NDArray loss(NDArray labels, NDArray logits) {
        return CROSS_ENTROPY.evaluate(new NDList(labels), new NDList(logits));
    }
}
