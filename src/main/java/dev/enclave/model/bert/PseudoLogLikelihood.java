package dev.enclave.model.bert;

import dev.enclave.model.EncodedText;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Pseudo-log-likelihood of a text under a masked LM (Salazar et al., 2020): each token in turn is replaced by
 * {@code [MASK]} and scored by the log-probability the model gives it there; the sum over tokens is the score. The
 * first and last positions (the {@code [CLS]} and {@code [SEP]} the tokenizer adds) are not scored. The masked copies
 * of a text run in batches of at most {@code maxRows} rows, without dropout, and only the masked position goes through
 * the head ({@link BertMaskedLm#logitsAt}).
 */
public final class PseudoLogLikelihood {

    private PseudoLogLikelihood() {}

    /**
     * A text's score.
     *
     * @param logLikelihood sum of the natural-log probabilities of the scored tokens
     * @param tokenLogProbs the log-probability of each scored token (positions 1 to length − 2), in order; owned by
     *     this value
     */
    public record Score(double logLikelihood, float[] tokenLogProbs) {

        /**
         * Returns the number of scored tokens.
         *
         * @return the tokens between the first and the last position
         */
        public int tokens() {
            return tokenLogProbs.length;
        }

        /**
         * Returns the mean log-probability per scored token (NaN when none was scored).
         *
         * @return logLikelihood / tokens
         */
        public double perToken() {
            return tokens() == 0 ? Double.NaN : logLikelihood / tokens();
        }
    }

    /**
     * Scores one text.
     *
     * @param model the masked LM
     * @param parameterStore its parameter store
     * @param manager parent scope of the temporary arrays
     * @param text the encoded text, special tokens included
     * @param maskTokenId the tokenizer's {@code [MASK]} id
     * @param maxRows masked copies per forward pass (memory: maxRows × tokens × hidden activations per layer)
     * @return the score; a text of two tokens or fewer scores 0 over 0 tokens
     */
    public static Score score(BertMaskedLm model, ParameterStore parameterStore, NDManager manager, EncodedText text,
            long maskTokenId, int maxRows) {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        }
        int length = text.length();
        float[] scored = new float[Math.max(0, length - 2)];
        double total = 0;
        for (int first = 1; first < length - 1; first += maxRows) {
            int rows = Math.min(maxRows, length - 1 - first);
            long[] ids = new long[rows * length];
            long[] mask = new long[rows * length];
            long[] types = new long[rows * length];
            long[] positions = new long[rows];
            long[] tokens = new long[rows];
            for (int row = 0; row < rows; row++) {
                positions[row] = first + row;
                tokens[row] = text.inputIds()[first + row];
                System.arraycopy(text.inputIds(), 0, ids, row * length, length);
                System.arraycopy(text.attentionMask(), 0, mask, row * length, length);
                System.arraycopy(text.tokenTypeIds(), 0, types, row * length, length);
                ids[row * length + first + row] = maskTokenId;
            }
            try (NDManager scope = manager.newSubManager()) {
                Shape shape = new Shape(rows, length);
                NDList inputs = new NDList(scope.create(ids, shape), scope.create(mask, shape),
                        scope.create(types, shape));
                NDArray logProbs = model.logitsAt(parameterStore, inputs, scope.create(positions), false)
                        .logSoftmax(-1);
                float[] values = logProbs.gather(scope.create(tokens).reshape(rows, 1), 1).toFloatArray();
                System.arraycopy(values, 0, scored, first - 1, rows);
                for (float value : values) {
                    total += value;
                }
            }
        }
        return new Score(total, scored);
    }
}
