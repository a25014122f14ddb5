package dev.enclave.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.TokenLogProbs;
import dev.enclave.prep.PreparedSplits.CausalSequence;
import dev.enclave.train.Batches;
import dev.enclave.train.CausalBatches;
import dev.enclave.train.Example;
import dev.enclave.train.MaskedLmMasking;
import java.util.List;

/**
 * Each example's mean loss under a language model, without gradients: what perplexity, validation loss and
 * membership inference (a low loss on an example hints that it was trained on) are computed from.
 *
 * <ul>
 *   <li>causal LM: the mean negative log-likelihood of the loss-masked tokens (the completion and end token, or
 *       every packed example's), each predicted from the tokens before it;
 *   <li>masked LM: the mean negative log-likelihood of the masked tokens at their original ids, under a seeded
 *       {@link MaskedLmMasking} round.
 * </ul>
 *
 * @param meanLoss mean loss per scored token of each example, in input order; NaN for an example with none
 * @param tokens scored tokens of each example
 */
public record ExampleLosses(double[] meanLoss, double[] tokens) {

    /** The mean loss over every scored token of every example (token-weighted); NaN when none was scored. */
    public double meanLossPerToken() {
        double sum = 0;
        double count = 0;
        for (int i = 0; i < meanLoss.length; i++) {
            if (tokens[i] > 0) {
                sum += meanLoss[i] * tokens[i];
                count += tokens[i];
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** {@code exp(meanLossPerToken())}. */
    public double perplexity() {
        return Math.exp(meanLossPerToken());
    }

    /**
     * Per-example losses of causal-lm rows under a causal LM.
     *
     * @param model the model, parameters set
     * @param store its parameter store
     * @param rows the rows (examples or packed sequences)
     * @param batchSize rows per forward pass
     * @param padTokenId the id padding is filled with (masked out)
     * @param manager parent of the temporary arrays
     * @return one mean loss per row
     */
    public static ExampleLosses causal(LlamaCausalLm model, ParameterStore store, List<CausalSequence> rows,
            int batchSize, int padTokenId, NDManager manager) {
        double[] mean = new double[rows.size()];
        double[] tokens = new double[rows.size()];
        for (int[] batch : Batches.sequential(rows.size(), batchSize)) {
            try (NDManager scope = manager.newSubManager()) {
                NDList inputs = CausalBatches.inputs(scope, rows, batch, padTokenId);
                NDArray logits = model.forward(store, inputs.get(0), inputs.get(1), null, false);
                NDArray weights = inputs.get(2).get(new NDIndex(":, 1:")).toType(DataType.FLOAT32, false);
                NDArray nll = TokenLogProbs.of(logits, inputs.get(0)).neg().mul(weights);
                fill(mean, tokens, batch, nll.sum(new int[] {1}).toFloatArray(),
                        weights.sum(new int[] {1}).toFloatArray());
            }
        }
        return new ExampleLosses(mean, tokens);
    }

    /**
     * Per-example masked-token losses under a masked LM.
     *
     * @param model the model, parameters set
     * @param store its parameter store
     * @param examples the examples
     * @param masking the seeded masking
     * @param round the masking round (evaluation uses 0)
     * @param batchSize examples per forward pass
     * @param padTokenId the id padding is filled with
     * @param manager parent of the temporary arrays
     * @return one mean loss per example
     */
    public static ExampleLosses masked(BertMaskedLm model, ParameterStore store, List<Example> examples,
            MaskedLmMasking masking, int round, int batchSize, int padTokenId, NDManager manager) {
        double[] mean = new double[examples.size()];
        double[] tokens = new double[examples.size()];
        for (int[] batch : Batches.sequential(examples.size(), batchSize)) {
            try (NDManager scope = manager.newSubManager()) {
                NDList inputs = masking.batch(scope, examples, batch, round, padTokenId);
                NDArray labels = inputs.remove(3);
                NDArray logits = model.forward(store, inputs, false).singletonOrThrow();
                NDList rows = MaskedLmMasking.rowLosses(logits, labels);
                fill(mean, tokens, batch, rows.get(0).toFloatArray(), rows.get(1).toFloatArray());
            }
        }
        return new ExampleLosses(mean, tokens);
    }

    private static void fill(double[] mean, double[] tokens, int[] batch, float[] sums, float[] counts) {
        for (int i = 0; i < batch.length; i++) {
            tokens[batch[i]] = counts[i];
            mean[batch[i]] = counts[i] > 0 ? sums[i] / counts[i] : Double.NaN;
        }
    }
}
