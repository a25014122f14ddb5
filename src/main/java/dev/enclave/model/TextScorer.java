package dev.enclave.model;

import java.util.List;

/** A language model that says how likely it finds texts: the service behind {@code enclave score}. */
public interface TextScorer extends AutoCloseable {

    /**
     * Names the summed score in output records: {@code sum_logprob} for a causal LM (log-likelihood after the first
     * token), {@code pseudo_log_likelihood} for a masked LM.
     *
     * @return the field name
     */
    String measure();

    /**
     * Scores texts.
     *
     * @param texts the texts
     * @return one score per text, in order
     */
    List<ScoredText> scoreTexts(List<String> texts);

    /** Releases the model's native memory. */
    @Override
    void close();
}
