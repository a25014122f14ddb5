package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.LlamaConfig;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.LoraModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Llama-family causal LM as a {@link BenchSubject}, from a local folder or a preset shape with random weights,
 * trained on the next-token loss over every position. The output head counts as a matrix product, also when it is
 * tied to the embedding table.
 */
public final class LlamaBenchSubject implements BenchSubject {
    private final LlamaCausalLm model;
    private final LoraModel lora;
    private final ParameterStore store;
    private final String source;

    private LlamaBenchSubject(LlamaCausalLm model, LoraModel lora, ParameterStore store, String source) {
        this.model = model;
        this.lora = lora;
        this.store = store;
        this.source = source;
    }

    /** A factory over the model in {@code folder}. */
    public static Factory from(HfModelFolder folder) {
        LlamaConfig config = LlamaConfig.read(folder);
        return (manager, loraConfig, seed) -> {
            LoraAdapters adapters = loraConfig == null ? null : new LoraAdapters(loraConfig, seed, manager);
            LlamaCausalLm model = build(config, adapters);
            model.loadWeights(folder, manager);
            return new LlamaBenchSubject(model, finish(adapters, model), new ParameterStore(manager, false),
                    folder.directory().toString());
        };
    }

    /** A factory over a preset shape with seeded random weights. */
    public static Factory random(String name, LlamaConfig config) {
        return (manager, loraConfig, seed) -> {
            LoraAdapters adapters = loraConfig == null ? null : new LoraAdapters(loraConfig, seed, manager);
            LlamaCausalLm model = build(config, adapters);
            model.initializeRandom(seed, manager);
            return new LlamaBenchSubject(model, finish(adapters, model), new ParameterStore(manager, false),
                    "preset " + name);
        };
    }

    private static LlamaCausalLm build(LlamaConfig config, LoraAdapters adapters) {
        return LlamaCausalLm.builder().setConfig(config)
                .optAdapters(adapters == null ? ProjectionAdapters.NONE : adapters).build();
    }

    private static LoraModel finish(LoraAdapters adapters, LlamaCausalLm model) {
        return adapters == null ? null : adapters.finish(model.hfParameters());
    }

    @Override
    public String description() {
        LlamaConfig config = model.config();
        return String.format(Locale.ROOT, "%s %s (hidden %d, %d layers, %d heads, %d kv heads, intermediate %d, "
                + "vocab %d)", config.modelType(), source, config.hiddenSize(), config.numHiddenLayers(),
                config.numAttentionHeads(), config.numKeyValueHeads(), config.intermediateSize(), config.vocabSize());
    }

    @Override
    public int vocabSize() {
        return model.config().vocabSize();
    }

    @Override
    public long matmulParameters() {
        LlamaConfig config = model.config();
        long projections = model.hfParameters().stream()
                .filter(p -> p.shape().dimension() == 2 && !p.name().contains("embed_tokens"))
                .mapToLong(p -> p.shape().size())
                .sum();
        return projections + (config.tieWordEmbeddings() ? (long) config.vocabSize() * config.hiddenSize() : 0);
    }

    @Override
    public long adapterParameters() {
        return lora == null ? 0 : lora.parameterCount();
    }

    @Override
    public List<Map.Entry<String, Parameter>> trainable() {
        List<HfParameter> chosen = lora == null ? model.hfParameters() : lora.parameters();
        return chosen.stream().map(p -> Map.entry(p.name(), p.parameter())).toList();
    }

    @Override
    public NDArray loss(NDManager scope, NDArray ids) {
        NDArray mask = scope.ones(ids.getShape(), ids.getDataType());
        NDArray logits = model.forward(store, ids, mask, null, true);
        return CausalLmLoss.completionLoss(logits, ids, mask);
    }
}
