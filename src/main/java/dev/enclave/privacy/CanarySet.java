package dev.enclave.privacy;

import dev.enclave.spec.CanarySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The canaries of one run and how often each goes into the train split. The same spec and seed give the same set.
 *
 * @param canaries the canaries, in order
 * @param repeats how many times each canary is inserted into the train split
 */
public record CanarySet(List<Canary> canaries, int repeats) {

    /** Mixed into the spec seed so that canaries do not share a random stream with splits or initialisation. */
    private static final long STREAM = 0x63616e6172696573L;

    public CanarySet {
        canaries = List.copyOf(canaries);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
    }

    /** No canaries. */
    public static CanarySet none() {
        return new CanarySet(List.of(), 1);
    }

    /**
     * Draws the canaries of a spec: shapes in turn, each secret uniform over its shape's candidate space, and for a
     * classifier a uniform label.
     *
     * @param spec the canary settings
     * @param seed the spec's seed
     * @param labels number of labels of a classification task, or 0 for a task without labels
     */
    public static CanarySet generate(CanarySpec spec, long seed, int labels) {
        SplittableRandom random = new SplittableRandom(seed ^ STREAM);
        List<Canary> canaries = new ArrayList<>(spec.count());
        for (int i = 0; i < spec.count(); i++) {
            SecretShape shape = SecretShape.of(spec.shapes().get(i % spec.shapes().size()));
            String secret = shape.randomSecret(random);
            int label = labels > 0 ? random.nextInt(labels) : -1;
            canaries.add(new Canary("canary-" + (i + 1), shape, secret, label));
        }
        return new CanarySet(canaries, spec.repeats());
    }

    /** Whether there is at least one canary. */
    public boolean hasCanaries() {
        return !canaries.isEmpty();
    }

    /** Training texts: each canary's text {@link #repeats} times, canary by canary. */
    public List<String> trainingTexts() {
        List<String> texts = new ArrayList<>(canaries.size() * repeats);
        for (Canary canary : canaries) {
            for (int r = 0; r < repeats; r++) {
                texts.add(canary.text());
            }
        }
        return texts;
    }
}
