package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.BertClassifier;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.LoraConfig;
import dev.enclave.model.lora.LoraModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A BERT classifier from a local folder as a {@link BenchSubject}: the encoder (every weight, or LoRA adapters) and a
 * two-label head, trained on cross-entropy against alternating labels.
 */
public final class BertBenchSubject implements BenchSubject {
    private final BertConfig config;
    private final BertClassifier model;
    private final ParameterStore store;
    private final LoraModel lora;
    private final String source;

    private BertBenchSubject(BertConfig config, BertClassifier model, ParameterStore store, LoraModel lora,
            String source) {
        this.config = config;
        this.model = model;
        this.store = store;
        this.lora = lora;
        this.source = source;
    }

    /** A factory over the model in {@code folder}. */
    public static Factory from(HfModelFolder folder) {
        return (manager, lora, seed) -> create(folder, manager, lora, seed);
    }

    private static BertBenchSubject create(HfModelFolder folder, NDManager manager, LoraConfig loraConfig, long seed)
            throws IOException {
        BertConfig config = BertConfig.read(folder);
        LoraAdapters adapters = loraConfig == null ? null : new LoraAdapters(loraConfig, seed, manager);
        BertClassifier model = BertClassifier.builder().setConfig(config).setNumLabels(2).optHeadSeed(seed)
                .optAdapters(adapters == null ? ProjectionAdapters.NONE : adapters).build();
        model.loadPretrained(folder, manager);
        List<HfParameter> encoder = model.hfParameters().stream()
                .filter(p -> !p.name().startsWith(BertClassifier.HEAD_PREFIX)).toList();
        LoraModel lora = adapters == null ? null : adapters.finish(encoder);
        return new BertBenchSubject(config, model, new ParameterStore(manager, false), lora,
                folder.directory().toString());
    }

    @Override
    public String description() {
        return String.format(java.util.Locale.ROOT, "BERT %s (hidden %d, %d layers, %d heads, vocab %d)", source,
                config.hiddenSize(), config.numHiddenLayers(), config.numAttentionHeads(), config.vocabSize());
    }

    @Override
    public int vocabSize() {
        return config.vocabSize();
    }

    @Override
    public long matmulParameters() {
        return model.hfParameters().stream()
                .filter(p -> p.shape().dimension() == 2 && !p.name().startsWith("embeddings."))
                .mapToLong(p -> p.shape().size())
                .sum();
    }

    @Override
    public long adapterParameters() {
        return lora == null ? 0 : lora.parameterCount();
    }

    @Override
    public List<Map.Entry<String, Parameter>> trainable() {
        List<HfParameter> chosen = new ArrayList<>();
        if (lora == null) {
            chosen.addAll(model.hfParameters());
        } else {
            chosen.addAll(lora.parameters());
            model.hfParameters().stream().filter(p -> p.name().startsWith(BertClassifier.HEAD_PREFIX))
                    .forEach(chosen::add);
        }
        return chosen.stream().map(p -> Map.entry(p.name(), p.parameter())).toList();
    }

    @Override
    public NDArray loss(NDManager scope, NDArray ids) {
        long rows = ids.getShape().get(0);
        NDArray mask = scope.ones(ids.getShape(), ids.getDataType());
        NDArray types = scope.zeros(ids.getShape(), ids.getDataType());
        NDArray logits = model.forward(store, new NDList(ids, mask, types), true).singletonOrThrow();
        NDArray labels = scope.arange(0, rows, 1, ai.djl.ndarray.types.DataType.INT64).mod(2);
        return Evaluation.loss(labels, logits);
    }
}
