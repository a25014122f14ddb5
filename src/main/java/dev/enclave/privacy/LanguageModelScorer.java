package dev.enclave.privacy;

import dev.enclave.model.ScoredText;
import dev.enclave.model.TextScorer;
import java.util.List;

/**
 * Scores texts with a language model ({@link dev.enclave.model.llama.CausalLm} or
 * {@link dev.enclave.model.bert.MaskedLm}) by the sum of its token log-probabilities: for a causal LM minus the
 * log-perplexity, for a masked LM the pseudo-log-likelihood. For causal-LM canary candidates, which share the prefix,
 * this orders them exactly as the log-likelihood of the secret continuation given the prefix does: the prefix's own
 * term is the same for all.
 */
public final class LanguageModelScorer implements CandidateScorer {
    private final TextScorer model;
    private final int batchSize;

    /**
     * @param model the loaded language model; the caller closes it
     * @param batchSize texts per call to the model
     */
    public LanguageModelScorer(TextScorer model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    @Override
    public double[] scores(List<String> texts) {
        double[] out = new double[texts.size()];
        List<ScoredText> scored = scoreAll(texts);
        for (int i = 0; i < out.length; i++) {
            out[i] = scored.get(i).sum();
        }
        return out;
    }

    /**
     * The mean negative log-probability per scored token of each text (natural log; 0 when no token was scored): the
     * losses of the membership attack.
     */
    public double[] meanLosses(List<String> texts) {
        double[] out = new double[texts.size()];
        List<ScoredText> scored = scoreAll(texts);
        for (int i = 0; i < out.length; i++) {
            int tokens = scored.get(i).tokenLogProbs().length;
            out[i] = tokens == 0 ? 0 : -scored.get(i).sum() / tokens;
        }
        return out;
    }

    private List<ScoredText> scoreAll(List<String> texts) {
        List<ScoredText> out = new java.util.ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            out.addAll(model.scoreTexts(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return out;
    }
}
