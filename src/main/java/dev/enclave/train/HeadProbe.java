package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * The base model's head: a linear classifier trained on the frozen pretrained encoder's pooled embeddings, with the
 * same initial head, batches and number of steps as the fine-tuning run. Embeddings are computed once, so each step
 * costs only the head.
 */
public final class HeadProbe {
    private final Parameter weight;
    private final Parameter bias;
    private final int hidden;

    /** A head initialised from {@code initialWeight} [labels × hidden] and {@code initialBias} [labels]. */
    public HeadProbe(NDManager manager, float[] initialWeight, float[] initialBias, int labels, int hidden) {
        this.hidden = hidden;
        this.weight = parameter("classifier.weight", manager.create(initialWeight, new Shape(labels, hidden)));
        this.bias = parameter("classifier.bias", manager.create(initialBias, new Shape(labels)));
    }

    private static Parameter parameter(String name, NDArray value) {
        Parameter parameter = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        value.setRequiresGradient(true);
        parameter.setArray(value);
        return parameter;
    }

    /** The head's parameters under Hugging Face names. */
    public List<Map.Entry<String, Parameter>> parameters() {
        return List.of(Map.entry(weight.getName(), weight), Map.entry(bias.getName(), bias));
    }

    /** Logits [B, labels] for the embeddings at {@code batch}. */
    public NDArray logits(NDManager scope, float[][] embeddings, int[] batch) {
        float[] flat = new float[batch.length * hidden];
        for (int i = 0; i < batch.length; i++) {
            System.arraycopy(embeddings[batch[i]], 0, flat, i * hidden, hidden);
        }
        NDArray x = scope.create(flat, new Shape(batch.length, hidden));
        NDList out = x.getNDArrayInternal().linear(x, weight.getArray(), bias.getArray());
        return out.singletonOrThrow();
    }

    public float[] weightValues() {
        return weight.getArray().toFloatArray();
    }

    public float[] biasValues() {
        return bias.getArray().toFloatArray();
    }
}
