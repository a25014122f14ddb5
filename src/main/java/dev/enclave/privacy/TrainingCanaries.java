package dev.enclave.privacy;

import dev.enclave.model.EncodedText;
import dev.enclave.model.TextEncoder;
import dev.enclave.run.RunContext;
import dev.enclave.spec.CanarySpec;
import dev.enclave.train.Example;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a run's canaries into its training data at training time, never into the prepared splits, so exported data
 * stays clean. {@link #prepare} draws them from the spec and writes {@link CanaryFile} (audited, in the manifest);
 * the task's training path then adds them to its examples, e.g. with {@link #classificationExamples}.
 */
public final class TrainingCanaries {
    private TrainingCanaries() {}

    /**
     * The train examples with the canaries appended.
     *
     * @param examples the train split's examples, then {@code added} canary examples
     * @param added how many canary examples were appended (canaries × repeats)
     */
    public record Inserted(List<Example> examples, int added) {}

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
     * Appends each canary {@code repeats} times to classification examples, encoded like the prepared texts and
     * labelled with the canary's label; ids are {@code canary-N#R}.
     */
    public static Inserted classificationExamples(List<Example> train, CanarySet canaries, TextEncoder encoder) {
        List<Example> examples = new ArrayList<>(train);
        for (Canary canary : canaries.canaries()) {
            EncodedText encoded = encoder.encode(canary.text());
            int[] ids = new int[encoded.length()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Math.toIntExact(encoded.inputIds()[i]);
            }
            for (int r = 1; r <= canaries.repeats(); r++) {
                examples.add(new Example(canary.id() + "#" + r, ids, canary.label()));
            }
        }
        return new Inserted(examples, examples.size() - train.size());
    }
}
