package dev.enclave.privacy;

import dev.enclave.model.EncodedText;
import dev.enclave.model.TextEncoder;
import dev.enclave.prep.PreparedSplits.CausalSequence;
import dev.enclave.run.RunContext;
import dev.enclave.spec.CanarySpec;
import dev.enclave.train.Example;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts a run's canaries into its training data at training time, never into the prepared splits, so exported data
 * stays clean. {@link #prepare} draws them from the spec and writes {@link CanaryFile} (audited, in the manifest);
 * the task's training path then adds them to its examples: {@link #examples} for classification and masked-LM
 * examples, {@link #causalSequences} for causal-LM rows.
 */
public final class TrainingCanaries {
    private TrainingCanaries() {}

    /**
     * The train examples with the canaries appended.
     *
     * @param examples the train split's examples, then {@code added} canary examples
     * @param added how many canary examples were appended (canaries × repeats)
     * @param <T> the training path's example type
     */
    public record Inserted<T>(List<T> examples, int added) {}

    /**
     * Draws the spec's canaries and, when there are any, writes them to the run folder and lists the file in the
     * manifest.
     *
     * @param run the run
     * @param stage the stage that writes the file
     * @param labels number of labels of a classification task, 0 for a task without labels
     * @return the canaries; empty when the spec turns them off
     */
    public static CanarySet prepare(RunContext run, String stage, int labels) {
        CanarySpec spec = run.spec().evaluation().privacy().canaries();
        if (!spec.enabled()) {
            return CanarySet.none();
        }
        CanarySet canaries = CanarySet.generate(spec, run.spec().seed(), labels);
        run.manifest().addFile(CanaryFile.write(run, stage, canaries));
        return canaries;
    }

    /**
     * Appends each canary {@code repeats} times to classification or masked-LM examples, encoded like the prepared
     * texts and labelled with the canary's label (-1 without labels); ids are {@code canary-N#R}.
     */
    public static Inserted<Example> examples(List<Example> train, CanarySet canaries, TextEncoder encoder) {
        List<Example> examples = new ArrayList<>(train);
        for (Canary canary : canaries.canaries()) {
            int[] ids = ids(encoder.encode(canary.text()));
            for (int r = 1; r <= canaries.repeats(); r++) {
                examples.add(new Example(canary.id() + "#" + r, ids, canary.label()));
            }
        }
        return new Inserted<>(examples, examples.size() - train.size());
    }

    /**
     * Appends each canary {@code repeats} times to causal-LM rows, each as its own unpacked sequence: the canary text
     * as the tokenizer encodes it (with its special tokens, as a causal LM scores it), the loss on every token after
     * the first; ids are {@code canary-N#R}.
     */
    public static Inserted<CausalSequence> causalSequences(List<CausalSequence> train, CanarySet canaries,
            TextEncoder encoder) {
        List<CausalSequence> sequences = new ArrayList<>(train);
        for (Canary canary : canaries.canaries()) {
            int[] ids = ids(encoder.encode(canary.text()));
            int[] lossMask = new int[ids.length];
            Arrays.fill(lossMask, 1, ids.length, 1);
            for (int r = 1; r <= canaries.repeats(); r++) {
                sequences.add(new CausalSequence(canary.id() + "#" + r, ids, lossMask, new int[] {0}));
            }
        }
        return new Inserted<>(sequences, sequences.size() - train.size());
    }

    private static int[] ids(EncodedText encoded) {
        int[] ids = new int[encoded.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Math.toIntExact(encoded.inputIds()[i]);
        }
        return ids;
    }
}
