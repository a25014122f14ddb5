package dev.enclave.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.enclave.model.llama.Generation;
import dev.enclave.model.llama.GenerationSettings;
import dev.enclave.model.llama.Generator;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.prep.PreparedSplits.CausalSequence;
import dev.enclave.run.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy completions of unpacked causal-lm examples: the prompt is every token before the first loss-masked one, the
 * reference the loss-masked tokens without the end token. The model may write up to the reference's length plus
 * {@link #MARGIN} tokens and stops at the example's end token or one of the config's; neither end token is part of
 * the completion.
 */
public final class GreedyCompletions {
    /** New tokens allowed beyond the reference's length. */
    public static final int MARGIN = 8;

    private GreedyCompletions() {}

    /**
     * One example's completion, as token ids.
     *
     * @param id the example's id
     * @param promptIds the prompt (prefix tokens included)
     * @param referenceIds the completion the data holds, without the end token
     * @param generatedIds what the model wrote, without an end token
     */
    public record Completion(String id, long[] promptIds, long[] referenceIds, long[] generatedIds) {

        /** Whether the model wrote exactly the reference. */
        public boolean exactMatch() {
            return Arrays.equals(referenceIds, generatedIds);
        }

        /** ROUGE-L F-measure of the completion against the reference, on tokens. */
        public double rougeL() {
            return RougeL.fMeasure(generatedIds, referenceIds);
        }
    }

    /** Whether a row is one example with a prompt (not a packed sequence, not plain language modelling). */
    public static boolean completable(CausalSequence row) {
        return row.exampleStarts().length == 1 && firstTarget(row) > 0;
    }

    /**
     * Completes the first {@code limit} completable rows, in the given order.
     *
     * @param model the model, parameters set
     * @param store its parameter store
     * @param manager parent of the cache and temporary arrays
     * @param rows the rows; packed ones are skipped
     * @param limit the most rows to complete
     * @param task names the progress line
     * @return one completion per completed row
     */
    public static List<Completion> generate(LlamaCausalLm model, ParameterStore store, NDManager manager,
            List<CausalSequence> rows, int limit, String task) {
        List<CausalSequence> chosen = rows.stream().filter(GreedyCompletions::completable).limit(limit).toList();
        Progress progress = Progress.of(task, "examples", chosen.size());
        List<Completion> completions = new ArrayList<>(chosen.size());
        for (CausalSequence row : chosen) {
            int start = firstTarget(row);
            int[] ids = row.inputIds();
            long end = ids[ids.length - 1];
            boolean endsWithEnd = row.lossMask()[ids.length - 1] == 1;
            long[] prompt = Arrays.stream(ids, 0, start).asLongStream().toArray();
            long[] reference = Arrays.stream(ids, start, endsWithEnd ? ids.length - 1 : ids.length).asLongStream()
                    .toArray();
            Generation generation = Generator.generate(model, store, manager, prompt,
                    GenerationSettings.greedy(reference.length + 1 + MARGIN));
            long[] written = generation.newIds();
            int length = 0;
            while (length < written.length && written[length] != end
                    && !model.config().eosTokenIds().contains((int) written[length])) {
                length++;
            }
            completions.add(new Completion(row.id(), prompt, reference, Arrays.copyOf(written, length)));
            progress.update(completions.size(), null);
        }
        return completions;
    }

    private static int firstTarget(CausalSequence row) {
        for (int t = 0; t < row.lossMask().length; t++) {
            if (row.lossMask()[t] == 1) {
                return t;
            }
        }
        return -1;
    }
}
