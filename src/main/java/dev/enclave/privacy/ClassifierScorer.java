package dev.enclave.privacy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.enclave.model.EncodedText;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.bert.BertClassifier;
import dev.enclave.train.Batches;
import dev.enclave.train.Example;
import dev.enclave.train.ExampleBatches;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores texts and examples with a BERT classifier, without dropout: for exposure the log-probability of a canary's
 * label given a text, for the membership attack each example's cross-entropy against its own label.
 */
public final class ClassifierScorer {
    private final BertClassifier model;
    private final TextEncoder encoder;
    private final int padTokenId;
    private final int batchSize;
    private final NDManager manager;
    private final ParameterStore store;

    /**
     * @param model the classifier, weights loaded
     * @param encoder its tokenizer, with the task's maximum length
     * @param padTokenId the model's padding id
     * @param batchSize examples per forward pass
     * @param manager parent scope of the temporary arrays
     */
    public ClassifierScorer(BertClassifier model, TextEncoder encoder, int padTokenId, int batchSize,
            NDManager manager) {
        this.model = model;
        this.encoder = encoder;
        this.padTokenId = padTokenId;
        this.batchSize = batchSize;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
    }

    /** Scores texts by the natural-log probability the classifier gives {@code label}. */
    public CandidateScorer forLabel(int label) {
        if (label < 0 || label >= model.numLabels()) {
            throw new IllegalArgumentException("label " + label + " is not one of the model's " + model.numLabels());
        }
        return texts -> {
            List<EncodedText> encoded = encoder.encodeAll(texts);
            List<Example> examples = new ArrayList<>(encoded.size());
            for (int i = 0; i < encoded.size(); i++) {
                examples.add(new Example("text-" + i, narrow(encoded.get(i).inputIds()), label));
            }
            return labelLogProbs(examples);
        };
    }

    /** The cross-entropy of each example against its label (natural log), in order. */
    public double[] losses(List<Example> examples) {
        double[] logProbs = labelLogProbs(examples);
        for (int i = 0; i < logProbs.length; i++) {
            logProbs[i] = -logProbs[i];
        }
        return logProbs;
    }

    private double[] labelLogProbs(List<Example> examples) {
        double[] out = new double[examples.size()];
        for (int[] batch : Batches.sequential(examples.size(), batchSize)) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray logits = model.forward(store, ExampleBatches.inputs(scope, examples, batch, padTokenId), false)
                        .singletonOrThrow();
                NDArray labels = ExampleBatches.labels(scope, examples, batch).reshape(batch.length, 1);
                float[] values = logits.logSoftmax(1).gather(labels, 1).toFloatArray();
                for (int i = 0; i < batch.length; i++) {
                    out[batch[i]] = values[i];
                }
            }
        }
        return out;
    }

    private static int[] narrow(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }
}
