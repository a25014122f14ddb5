package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.LlamaShapes;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.LoraConfig;
import dev.enclave.model.lora.LoraModel;
import dev.enclave.spec.TrainingSpec;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A learnable toy completion task on the tiny random Llama: each sequence counts up from a random start; the first
 * {@value #PROMPT} tokens are the prompt and the loss covers only the rest. Builds the model, full or with LoRA on
 * every projection, with its optimiser and loss.
 */
final class ToyCompletion implements AutoCloseable {
    static final int LENGTH = 10;
    static final int PROMPT = 3;
    /**
     * Scales the random head to std 0.5: with Hugging Face's N(0, 0.02²) a frozen head caps the logits near ±0.6, so
     * no adapter could lower the loss much.
     */
    private static final float HEAD_SCALE = 25f;

    final LlamaCausalLm model;
    final LoraModel lora;
    final ParameterStore store;
    final AdamW optimiser;
    final long[][] sequences;

    ToyCompletion(TrainingSpec.Method method, NDManager manager) {
        LoraAdapters adapters = method == TrainingSpec.Method.LORA ? new LoraAdapters(
                LoraConfig.of(8, 16, 0.05, "q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj"), 4, manager)
                : null;
        model = LlamaCausalLm.builder().setConfig(LlamaShapes.tiny())
                .optAdapters(adapters == null ? ProjectionAdapters.NONE : adapters).build();
        model.initializeRandom(6, manager);
        for (HfParameter parameter : model.hfParameters()) {
            if (parameter.name().equals(LlamaCausalLm.LM_HEAD + ".weight")) {
                parameter.parameter().getArray().muli(HEAD_SCALE);
            }
        }
        store = new ParameterStore(manager, false);
        optimiser = new AdamW(manager, 0.0, 1.0);
        if (adapters == null) {
            lora = null;
            optimiser.add("model", entries(model.hfParameters()), 3e-3);
        } else {
            lora = adapters.finish(model.hfParameters());
            optimiser.add("adapter", entries(lora.parameters()), 1e-2);
        }
        Random random = new Random(8);
        sequences = new long[32][LENGTH];
        for (long[] sequence : sequences) {
            int start = 4 + random.nextInt(64 - 4 - LENGTH);
            for (int t = 0; t < LENGTH; t++) {
                sequence[t] = start + t;
            }
        }
    }

    TrainingLoop.BatchLoss loss() {
        return new TrainingLoop.BatchLoss() {
            @Override
            public NDArray loss(NDManager scope, int[] batch) {
                return batchLoss(scope, batch, true);
            }

            @Override
            public long tokens(int[] batch) {
                return (long) batch.length * LENGTH;
            }
        };
    }

    /** Mean completion loss over every sequence, without dropout. */
    double evaluate(NDManager manager) {
        int[] all = new int[sequences.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        try (NDManager scope = manager.newSubManager()) {
            return batchLoss(scope, all, false).getFloat();
        }
    }

    private NDArray batchLoss(NDManager scope, int[] batch, boolean training) {
        long[] flat = new long[batch.length * LENGTH];
        int[] prompts = new int[batch.length];
        int[] lengths = new int[batch.length];
        for (int i = 0; i < batch.length; i++) {
            System.arraycopy(sequences[batch[i]], 0, flat, i * LENGTH, LENGTH);
            prompts[i] = PROMPT;
            lengths[i] = LENGTH;
        }
        Shape shape = new Shape(batch.length, LENGTH);
        NDArray ids = scope.create(flat, shape);
        NDArray logits = model.forward(store, ids, scope.ones(shape, ids.getDataType()), null, training);
        return CausalLmLoss.completionLoss(logits, ids, CausalLmLoss.completionMask(scope, prompts, lengths, LENGTH));
    }

    private static List<Map.Entry<String, Parameter>> entries(List<HfParameter> parameters) {
        return parameters.stream().map(p -> Map.entry(p.name(), p.parameter())).toList();
    }

    @Override
    public void close() {
        optimiser.close();
    }
}
