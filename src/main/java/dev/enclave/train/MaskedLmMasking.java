package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.enclave.model.EncodedText;
import dev.enclave.model.bert.BertInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * BERT's dynamic masking, seeded: each non-special token is chosen with probability {@value #PROBABILITY}; a chosen
 * token becomes the mask token with probability 0.8, a random non-special token with 0.1, and stays itself with 0.1,
 * and is scored in the loss. An example with no token chosen gets one chosen position, so every example counts. The
 * draw depends only on the seed, the round and the example's index, so training (round = step) masks an example
 * afresh each time it is seen and a resumed run masks as an uninterrupted one; evaluation uses one fixed round.
 */
public final class MaskedLmMasking {
    /** Share of tokens chosen for prediction. */
    public static final double PROBABILITY = 0.15;
    /** Label of a position that is not scored. */
    public static final long IGNORED = -1;

    private final MaskedLmVocabulary vocabulary;
    private final long seed;
    private final int[] replacements;

    public MaskedLmMasking(MaskedLmVocabulary vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.seed = seed;
        this.replacements = java.util.stream.IntStream.range(0, vocabulary.vocabSize())
                .filter(id -> !vocabulary.specialIds().contains(id)).toArray();
    }

    /**
     * One masked example.
     *
     * @param inputIds the ids the model sees
     * @param labels the original id at each scored position, {@link #IGNORED} elsewhere
     */
    public record Masked(long[] inputIds, long[] labels) {}

    /** Masks one example's ids for a round (a training step, or 0 for evaluation). */
    public Masked mask(int[] ids, int round, int exampleIndex) {
        SplittableRandom random = new SplittableRandom(mix(mix(seed, round), exampleIndex));
        long[] input = new long[ids.length];
        long[] labels = new long[ids.length];
        List<Integer> eligible = new ArrayList<>();
        boolean any = false;
        for (int t = 0; t < ids.length; t++) {
            input[t] = ids[t];
            labels[t] = IGNORED;
            if (vocabulary.specialIds().contains(ids[t])) {
                continue;
            }
            eligible.add(t);
            if (random.nextDouble() < PROBABILITY) {
                choose(input, labels, t, ids[t], random);
                any = true;
            }
        }
        if (!any && !eligible.isEmpty()) {
            int t = eligible.get(random.nextInt(eligible.size()));
            choose(input, labels, t, ids[t], random);
        }
        return new Masked(input, labels);
    }

    /**
     * The masked batch of the examples at {@code indices}, right-padded: input_ids, attention_mask, token_type_ids
     * (as {@link BertInputs#batch}) and the labels, int64 [B, T] with {@link #IGNORED} on padding.
     */
    public NDList batch(NDManager manager, List<Example> examples, int[] indices, int round, int padTokenId) {
        List<EncodedText> texts = new ArrayList<>(indices.length);
        List<long[]> labels = new ArrayList<>(indices.length);
        int width = 0;
        for (int index : indices) {
            Masked masked = mask(examples.get(index).inputIds(), round, index);
            long[] ones = new long[masked.inputIds().length];
            java.util.Arrays.fill(ones, 1);
            texts.add(new EncodedText(masked.inputIds(), ones, new long[ones.length], false));
            labels.add(masked.labels());
            width = Math.max(width, ones.length);
        }
        long[] flat = new long[indices.length * width];
        java.util.Arrays.fill(flat, IGNORED);
        for (int row = 0; row < labels.size(); row++) {
            System.arraycopy(labels.get(row), 0, flat, row * width, labels.get(row).length);
        }
        NDList inputs = BertInputs.batch(manager, texts, padTokenId);
        inputs.add(manager.create(flat, new Shape(indices.length, width)));
        return inputs;
    }

    /**
     * The masked-token negative log-likelihood of each row.
     *
     * @param logits [B, T, vocab]
     * @param labels int64 [B, T], {@link #IGNORED} where not scored
     * @return NDList(sum of NLL per row [B], scored tokens per row [B]), float32
     */
    public static NDList rowLosses(NDArray logits, NDArray labels) {
        NDArray weights = labels.gte(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray targets = labels.maximum(0).expandDims(-1);
        NDArray nll = logits.logSoftmax(-1).gather(targets, -1).squeeze(-1).neg().mul(weights);
        return new NDList(nll.sum(new int[] {1}), weights.sum(new int[] {1}));
    }

    /** The mean masked-token loss of a batch, as training minimises it: a scalar. */
    public static NDArray meanLoss(NDArray logits, NDArray labels) {
        NDList rows = rowLosses(logits, labels);
        return rows.get(0).sum().div(rows.get(1).sum().maximum(1f));
    }

    private void choose(long[] input, long[] labels, int t, int original, SplittableRandom random) {
        labels[t] = original;
        double draw = random.nextDouble();
        if (draw < 0.8) {
            input[t] = vocabulary.maskTokenId();
        } else if (draw < 0.9) {
            input[t] = replacements[random.nextInt(replacements.length)];
        }
    }

    private static long mix(long a, long b) {
        long z = (a ^ (b + 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
