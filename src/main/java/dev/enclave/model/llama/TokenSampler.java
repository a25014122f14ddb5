package dev.enclave.model.llama;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/** Picks the next token from one row of logits, greedily or by seeded nucleus (top-p) sampling. */
final class TokenSampler {

    private final GenerationSettings settings;
    private final SplittableRandom random;

    TokenSampler(GenerationSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    int next(float[] logits) {
        return settings.decoding() == GenerationSettings.Decoding.GREEDY ? argMax(logits) : sample(logits);
    }

    static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    private int sample(float[] logits) {
        double max = logits[argMax(logits)];
        double[] probabilities = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp((logits[i] - max) / settings.temperature());
            total += probabilities[i];
        }
        Integer[] order = new Integer[logits.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -probabilities[i]).thenComparingInt(i -> i));
        int kept = 0;
        double mass = 0;
        while (kept < order.length && (kept == 0 || mass < settings.topP() * total)) {
            mass += probabilities[order[kept]];
            kept++;
        }
        double draw = random.nextDouble() * mass;
        for (int rank = 0; rank < kept; rank++) {
            draw -= probabilities[order[rank]];
            if (draw < 0) {
                return order[rank];
            }
        }
        return order[kept - 1];
    }
}
