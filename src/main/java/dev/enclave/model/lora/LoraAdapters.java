package dev.enclave.model.lora;

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
 * Makes the LoRA adapters of one model, one per projection a target name selects, in the order the projections are
 * presented. A model family that takes adapters while it is built (Llama's {@code ProjectionAdapters}) is given
 * {@link #adapterFor}; {@link LoraModel#attach} presents the projections of a built model. {@link #finish} then freezes
 * the base model and returns the adapters.
 *
 * <p>A is drawn from a uniform distribution in ±1/√in (PEFT's Kaiming-uniform with a = √5) with a {@link Random}
 * seeded once, and B starts at zero, so the adapted model starts equal to the base model.
 */
public final class LoraAdapters {

    private final LoraConfig config;
    private final Random random;
    private final NDManager manager;
    private final List<LoraBlock> made = new ArrayList<>();

    /**
     * @param config rank, alpha, dropout and targets
     * @param seed seeds the initialisation of every A
     * @param manager owns the adapter arrays (on the device of the base weights)
     */
    public LoraAdapters(LoraConfig config, long seed, NDManager manager) {
        this.config = config;
        this.random = new Random(seed);
        this.manager = manager;
    }

    /**
     * Returns a new adapter for a projection if a target name selects it.
     *
     * @param modulePath the projection's Hugging Face module path, e.g. {@code model.layers.0.self_attn.q_proj}
     * @param inFeatures the projection's input width
     * @param outFeatures the projection's output width
     * @return the adapter block (input {@code NDList(x)}, output {@code NDList(update)}), or empty
     */
    public Optional<Block> adapterFor(String modulePath, int inFeatures, int outFeatures) {
        return Optional.ofNullable(create(modulePath, inFeatures, outFeatures));
    }

    LoraBlock create(String modulePath, long inFeatures, long outFeatures) {
        String target = config.targetOf(modulePath);
        if (target == null) {
            return null;
        }
        float bound = (float) (1 / Math.sqrt(inFeatures));
        float[] aValues = new float[Math.toIntExact(config.rank() * inFeatures)];
        for (int i = 0; i < aValues.length; i++) {
            aValues[i] = (random.nextFloat() * 2 - 1) * bound;
        }
        LoraBlock block = new LoraBlock(modulePath, target,
                manager.create(aValues, new Shape(config.rank(), inFeatures)),
                manager.zeros(new Shape(outFeatures, config.rank())), config.scale(), config.dropout());
        made.add(block);
        return block;
    }

    /**
     * Freezes the base model and returns the adapters made so far.
     *
     * @param base the model's parameters under Hugging Face names, each adapted projection's weight among them
     * @return the adapters
     * @throws IllegalArgumentException if no adapter was made, or an adapted projection's weight is not in
     *     {@code base}
     */
    public LoraModel finish(List<HfParameter> base) {
        if (made.isEmpty()) {
            throw new IllegalArgumentException("LoRA target modules " + config.targetModules()
                    + " match no projection of the model");
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
