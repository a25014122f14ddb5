package dev.enclave.privacy;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.bert.PseudoLogLikelihood;
import java.util.List;

/** Scores texts with a masked LM by their pseudo-log-likelihood ({@link PseudoLogLikelihood}). */
public final class MaskedLmScorer implements TextScorer {
    private final BertMaskedLm model;
    private final TextEncoder encoder;
    private final long maskTokenId;
    private final int maxRows;
    private final NDManager manager;
    private final ParameterStore store;

    /**
     * @param model the masked LM, weights loaded
     * @param encoder its tokenizer
     * @param maskTokenId the tokenizer's {@code [MASK]} id
     * @param maxRows masked copies per forward pass
     * @param manager parent scope of the temporary arrays
     */
    public MaskedLmScorer(BertMaskedLm model, TextEncoder encoder, long maskTokenId, int maxRows, NDManager manager) {
        this.model = model;
        this.encoder = encoder;
        this.maskTokenId = maskTokenId;
        this.maxRows = maxRows;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
    }

    @Override
    public double[] scores(List<String> texts) {
        double[] out = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = PseudoLogLikelihood.score(model, store, manager, encoder.encode(texts.get(i)), maskTokenId, maxRows)
                    .logLikelihood();
        }
        return out;
    }
}
