package dev.enclave.model.lora;

import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Makes the LoRA adapters of one model while it is built: given to the model's builder as its
 * {@link ProjectionAdapters}, it is asked about every projection by Hugging Face module name and makes an adapter for
 * each one a target name selects. {@link #finish} then freezes the base model and returns the adapters:
 *
 * <pre>{@code
 * LoraAdapters adapters = new LoraAdapters(LoraConfig.of(8, 16, 0.05, "q_proj|v_proj"), seed, manager);
 * LlamaCausalLm model = LlamaCausalLm.builder().setConfig(config).optAdapters(adapters).build();
 * model.loadWeights(folder, manager);
 * LoraModel lora = adapters.finish(model.hfParameters());
 * }</pre>
 *
 * <p>A is drawn from a uniform distribution in ±1/√in (PEFT's Kaiming-uniform with a = √5) with a {@link Random}
 * seeded once, and B starts at zero, so the adapted model starts equal to the base model.
 */
public final class LoraAdapters implements ProjectionAdapters {

    private final LoraConfig config;
    private final Random random;
    private final Map<String, float[]> stored;
    private final NDManager manager;
    private final List<LoraBlock> made = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    /**
     * @param config rank, alpha, dropout and targets
     * @param seed seeds the initialisation of every A
     * @param manager owns the adapter arrays (on the device of the base weights)
     */
    public LoraAdapters(LoraConfig config, long seed, NDManager manager) {
        this(config, new Random(seed), Map.of(), manager);
    }

    private LoraAdapters(LoraConfig config, Random random, Map<String, float[]> stored, NDManager manager) {
        this.config = config;
        this.random = random;
        this.stored = stored;
        this.manager = manager;
    }

    /**
     * Adapters that take their A and B from a saved adapter instead of drawing them, e.g. to score or generate with
     * base model + adapter.
     *
     * @param saved an adapter folder's contents (see {@link PeftAdapter#read})
     * @param manager owns the adapter arrays
     * @return the adapters; the model built with them fails naming the tensor if one is missing or misshapen
     */
    public static LoraAdapters from(PeftAdapter.Contents saved, NDManager manager) {
        return new LoraAdapters(saved.config(), null, saved.adapterValues(), manager);
    }

    /**
     * Returns a new adapter for a projection if a target name selects it.
     *
     * @param modulePath the projection's Hugging Face module path, e.g. {@code model.layers.0.self_attn.q_proj}
     * @param inFeatures the projection's input width
     * @param outFeatures the projection's output width
     * @return the adapter block (input {@code NDList(x)}, output {@code NDList(update)}), or empty
     */
    @Override
    public Optional<Block> adapterFor(String modulePath, int inFeatures, int outFeatures) {
        asked.add(modulePath);
        String target = config.targetOf(modulePath);
        if (target == null) {
            return Optional.empty();
        }
        Shape aShape = new Shape(config.rank(), inFeatures);
        Shape bShape = new Shape(outFeatures, config.rank());
        float[] aValues;
        float[] bValues;
        if (random != null) {
            float bound = (float) (1 / Math.sqrt(inFeatures));
            aValues = new float[Math.toIntExact(aShape.size())];
            for (int i = 0; i < aValues.length; i++) {
                aValues[i] = (random.nextFloat() * 2 - 1) * bound;
            }
            bValues = new float[Math.toIntExact(bShape.size())];
        } else {
            aValues = storedValues(modulePath + ".lora_A.weight", aShape);
            bValues = storedValues(modulePath + ".lora_B.weight", bShape);
        }
        LoraBlock block = new LoraBlock(modulePath, target, manager.create(aValues, aShape),
                manager.create(bValues, bShape), config.scale(), config.dropout());
        made.add(block);
        return Optional.of(block);
    }

    private float[] storedValues(String name, Shape shape) {
        float[] values = stored.get(name);
        if (values == null || values.length != shape.size()) {
            throw new IllegalArgumentException("adapter tensor " + name + " is " + (values == null ? "missing"
                    : "of size " + values.length + ", but the model's projection needs " + shape));
        }
        return values;
    }

    /**
     * Freezes the base model and returns the adapters made so far.
     *
     * @param base the model's parameters under Hugging Face names, each adapted projection's weight among them
     * @return the adapters
     * @throws IllegalArgumentException if no adapter was made (naming the projections the model has), or an adapted
     *     projection's weight is not in {@code base}
     */
    public LoraModel finish(List<HfParameter> base) {
        if (made.isEmpty()) {
            throw new IllegalArgumentException("LoRA target modules " + config.targetModules()
                    + " match no projection of the model; its projections are "
                    + (asked.size() <= 8 ? asked : asked.subList(0, 8) + "..."));
        }
        Map<String, HfParameter> byName = new HashMap<>();
        base.forEach(parameter -> byName.put(parameter.name(), parameter));
        List<LoraModel.Adapted> adapted = new ArrayList<>();
        for (LoraBlock block : made) {
            HfParameter weight = byName.get(block.modulePath() + ".weight");
            if (weight == null) {
                throw new IllegalArgumentException("LoRA adapter for " + block.modulePath() + " has no base weight '"
                        + block.modulePath() + ".weight' among the model's parameters");
            }
            adapted.add(new LoraModel.Adapted(block, weight));
        }
        for (HfParameter parameter : base) {
            parameter.parameter().freeze(true);
        }
        return new LoraModel(config, adapted);
    }
}
