package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.enclave.model.EncodedText;
import dev.enclave.model.bert.BertInputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a batch of examples into padded model inputs and a label array. */
public final class ExampleBatches {
    private ExampleBatches() {}

    /** input_ids, attention_mask, token_type_ids for the examples at {@code indices}, padded to the longest. */
    public static NDList inputs(NDManager manager, List<Example> examples, int[] indices, int padTokenId) {
        List<EncodedText> texts = new ArrayList<>(indices.length);
        for (int index : indices) {
            int[] ids = examples.get(index).inputIds();
            long[] wide = new long[ids.length];
            long[] mask = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                wide[i] = ids[i];
                mask[i] = 1;
            }
            texts.add(new EncodedText(wide, mask, new long[ids.length], false));
        }
        return BertInputs.batch(manager, texts, padTokenId);
    }

    /** Label indices of the examples at {@code indices}, int64 [B]. */
    public static NDArray labels(NDManager manager, List<Example> examples, int[] indices) {
        return manager.create(Arrays.stream(indices).mapToLong(i -> examples.get(i).label()).toArray());
    }

    /** Number of real (unpadded) tokens in the batch. */
    public static long tokens(List<Example> examples, int[] indices) {
        long tokens = 0;
        for (int index : indices) {
            tokens += examples.get(index).inputIds().length;
        }
        return tokens;
    }
}
