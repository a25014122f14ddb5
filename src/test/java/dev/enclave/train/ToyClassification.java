package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.BertClassifier;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.bert.TinyBert;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.LoraConfig;
import dev.enclave.model.lora.LoraModel;
import dev.enclave.spec.TrainingSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A learnable toy task on the tiny random BERT: label 1 when the text holds "good", 0 when it holds "bad", among
 * random filler words. Builds the classifier, optionally with LoRA on query and value, and its optimiser and loss.
 */
final class ToyClassification implements AutoCloseable {
    static final int GOOD = 4;
    static final int BAD = 5;

    final BertClassifier model;
    final LoraModel lora;
    final ReplicatedParameters store;
    final AdamW optimiser;
    final List<Example> examples;

    ToyClassification(HfModelFolder folder, TrainingSpec.Method method, NDManager manager) throws IOException {
        this(folder, method, manager, TinyBert.CONFIG, 0.1f);
    }

    /** The toy task on a model with the given shape and dropouts, e.g. without dropout. */
    ToyClassification(HfModelFolder folder, TrainingSpec.Method method, NDManager manager, BertConfig config,
            float dropout) throws IOException {
        LoraAdapters adapters = method == TrainingSpec.Method.LORA
                ? new LoraAdapters(new LoraConfig(4, 8, dropout, List.of("query", "value")), 9, manager) : null;
        model = BertClassifier.builder().setConfig(config).setNumLabels(2).optHeadSeed(3).optDropout(dropout)
                .optAdapters(adapters == null ? ProjectionAdapters.NONE : adapters).build();
        model.loadPretrained(folder, manager);
        store = new ReplicatedParameters(manager);
        examples = examples(48, 5);
        List<HfParameter> encoder = part(false);
        optimiser = new AdamW(manager, 0.01, 1.0);
        if (adapters != null) {
            lora = adapters.finish(encoder);
            optimiser.add("adapter", entries(lora.parameters()), 3e-2);
        } else {
            lora = null;
            optimiser.add("encoder", entries(encoder), 2e-3);
        }
        optimiser.add("head", entries(part(true)), 1e-2);
    }

    TrainingLoop.BatchLoss loss() {
        return new TrainingLoop.BatchLoss() {
            @Override
            public NDArray loss(NDManager scope, int[] batch) {
                NDArray logits = model.forward(store, ExampleBatches.inputs(scope, examples, batch, 0), true)
                        .singletonOrThrow();
                return Evaluation.loss(ExampleBatches.labels(scope, examples, batch), logits);
            }

            @Override
            public long tokens(int[] batch) {
                return ExampleBatches.tokens(examples, batch);
            }
        };
    }

    /** Mean loss over all examples without dropout. */
    double evaluate(NDManager manager) {
        return Evaluation.predict(examples, 64, manager, (scope, batch) ->
                model.forward(store, ExampleBatches.inputs(scope, examples, batch, 0), false).singletonOrThrow())
                .meanLoss();
    }

    static List<Example> examples(int count, long seed) {
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            int length = 3 + random.nextInt(5);
            int[] ids = new int[length + 2];
            ids[0] = 2;
            ids[length + 1] = 3;
            for (int t = 1; t <= length; t++) {
                ids[t] = 6 + random.nextInt(TinyBert.WORDS.size() - 2);
            }
            ids[1 + random.nextInt(length)] = label == 1 ? GOOD : BAD;
            out.add(new Example("toy-" + i, ids, label));
        }
        return out;
    }

    private List<HfParameter> part(boolean head) {
        return model.hfParameters().stream()
                .filter(p -> p.name().startsWith(BertClassifier.HEAD_PREFIX) == head)
                .toList();
    }

    private static List<Map.Entry<String, Parameter>> entries(List<HfParameter> parameters) {
        return parameters.stream().map(p -> Map.entry(p.name(), p.parameter())).toList();
    }

    @Override
    public void close() {
        optimiser.close();
    }
}
