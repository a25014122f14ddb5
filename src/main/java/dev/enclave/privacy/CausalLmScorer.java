package dev.enclave.privacy;

import dev.enclave.model.llama.CausalLm;
import dev.enclave.model.llama.SequenceScore;
import java.util.List;

/**
 * Scores texts with a causal LM: the sum of the natural-log probabilities of each token given the tokens before it
 * (minus the log-perplexity). For canary candidates, which share the prefix, this orders them exactly as the
 * log-likelihood of the secret continuation given the prefix does: the prefix's own term is the same for all.
 */
public final class CausalLmScorer implements TextScorer {
    private final CausalLm model;
    private final int batchSize;

    /**
     * @param model the loaded causal LM
     * @param batchSize texts per forward pass
     */
    public CausalLmScorer(CausalLm model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    @Override
    public double[] scores(List<String> texts) {
        double[] out = new double[texts.size()];
        forEach(texts, (i, score) -> out[i] = score.sumLogProb());
        return out;
    }

    /** The mean next-token cross-entropy of each text (natural log; 0 for a text of one token): membership losses. */
    public double[] meanLosses(List<String> texts) {
        double[] out = new double[texts.size()];
        forEach(texts, (i, score) -> out[i] = score.tokenLogProbs().length == 0 ? 0
                : -score.sumLogProb() / score.tokenLogProbs().length);
        return out;
    }

    private interface ScoreSink {
        void accept(int index, SequenceScore score);
    }

    private void forEach(List<String> texts, ScoreSink sink) {
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<SequenceScore> scores = model.score(texts.subList(from, Math.min(texts.size(), from + batchSize)));
            for (int i = 0; i < scores.size(); i++) {
                sink.accept(from + i, scores.get(i));
            }
        }
    }
}
