package dev.enclave.model.lora;

import dev.enclave.model.AdaptableLinear;
import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * LoRA adapters on a model's linear projections: {@code y = x Wᵀ + b + (alpha / r) · B A dropout(x)} with W frozen
 * and only A [r, in] and B [out, r] trained. Adapter parameters are named {@code <module path>.lora_A.weight} and
 * {@code <module path>.lora_B.weight}. Made by {@link LoraAdapters#finish} or, for models whose projections implement
 * {@link AdaptableLinear}, by {@link #attach}.
 */
public final class LoraModel {

    /** One adapted projection and its base weight. */
    record Adapted(LoraBlock block, HfParameter weight) {}

    private final LoraConfig config;
    private final List<Adapted> adapted;

    LoraModel(LoraConfig config, List<Adapted> adapted) {
        this.config = config;
        this.adapted = List.copyOf(adapted);
    }

    /**
     * Attaches a fresh adapter to every targeted projection of a built model and freezes {@code base}. Projections
     * are found by Hugging Face parameter name ({@code <module path>.weight} whose module path a target selects)
     * among the {@link AdaptableLinear} blocks of the model's block tree, so this works for any family whose
     * projections implement that interface.
     *
     * @param model the model's root block
     * @param base the model's parameters under Hugging Face names; all of them are frozen
     * @param config rank, alpha, dropout and targets
     * @param seed seeds the initialisation of A
     * @param manager owns the adapter arrays
     * @return the adapters
     * @throws IllegalArgumentException if no projection matches, or a target selects a module that is not a linear
     *     projection
     */
    public static LoraModel attach(Block model, List<HfParameter> base, LoraConfig config, long seed,
            NDManager manager) {
        Map<Parameter, AdaptableLinear> linears = new IdentityHashMap<>();
        collectLinears(model, linears);
        LoraAdapters adapters = new LoraAdapters(config, seed, manager);
        List<String> projections = new ArrayList<>();
        for (HfParameter parameter : base) {
            if (!parameter.name().endsWith(".weight")) {
                continue;
            }
            String modulePath = parameter.name().substring(0, parameter.name().length() - ".weight".length());
            AdaptableLinear linear = linears.get(parameter.parameter());
            if (linear == null) {
                if (config.targetOf(modulePath) != null) {
                    throw new IllegalArgumentException("LoRA target '" + config.targetOf(modulePath) + "' selects "
                            + modulePath + ", which is not a linear projection");
                }
                continue;
            }
            projections.add(modulePath);
            LoraBlock block = adapters.create(modulePath, parameter.shape().get(1), parameter.shape().get(0));
            if (block != null) {
                linear.setAdapter(block);
            }
        }
        try {
            return adapters.finish(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; its projections are "
                    + (projections.size() <= 8 ? projections : projections.subList(0, 8) + "..."), e);
        }
    }

    /**
     * Returns the configuration.
     *
     * @return rank, alpha, dropout, targets
     */
    public LoraConfig config() {
        return config;
    }

    /**
     * Lists the adapted projections.
     *
     * @return module paths in model order
     */
    public List<String> adaptedModules() {
        return adapted.stream().map(each -> each.block().modulePath()).toList();
    }

    /**
     * Lists the target names that selected at least one projection, sorted, as PEFT's {@code target_modules}.
     *
     * @return the target names in use
     */
    public List<String> matchedTargets() {
        return List.copyOf(new TreeSet<>(adapted.stream().map(each -> each.block().target()).toList()));
    }

    /**
     * Lists the trainable adapter parameters: per projection A then B.
     *
     * @return the parameters with their names and shapes
     */
    public List<HfParameter> parameters() {
        List<HfParameter> out = new ArrayList<>();
        for (Adapted each : adapted) {
            out.add(each.block().a());
            out.add(each.block().b());
        }
        return List.copyOf(out);
    }

    /**
     * Counts the trainable adapter values.
     *
     * @return the sum of r·in + out·r over the adapted projections
     */
    public long parameterCount() {
        return parameters().stream().mapToLong(p -> p.shape().size()).sum();
    }

    /**
     * Sets adapter values by parameter name (e.g. read back from an adapter file).
     *
     * @param values the values of each parameter in {@link #parameters()}, row-major
     * @throws IllegalArgumentException naming the parameter if a value is missing or has the wrong size
     */
    public void load(Map<String, float[]> values) {
        for (HfParameter parameter : parameters()) {
            float[] value = values.get(parameter.name());
            if (value == null || value.length != parameter.shape().size()) {
                throw new IllegalArgumentException("adapter tensor " + parameter.name() + " is "
                        + (value == null ? "missing" : "of size " + value.length + ", expected "
                                + parameter.shape()));
            }
            parameter.parameter().getArray().set(value);
        }
    }

    /**
     * The base model's parameters with every adapted weight replaced by {@code W + (alpha / r) · B A}: a plain model
     * with these weights computes what base + adapters compute. The live model is not changed.
     *
     * @param base the model's parameters under Hugging Face names
     * @param manager owns the merged arrays
     * @return the parameters, in the order of {@code base}
     */
    public List<HfParameter> merged(List<HfParameter> base, NDManager manager) {
        Map<Parameter, Adapted> byWeight = new IdentityHashMap<>();
        adapted.forEach(each -> byWeight.put(each.weight().parameter(), each));
        List<HfParameter> out = new ArrayList<>(base.size());
        for (HfParameter parameter : base) {
            Adapted each = byWeight.get(parameter.parameter());
            if (each == null) {
                out.add(parameter);
                continue;
            }
            NDArray a = each.block().a().parameter().getArray();
            NDArray b = each.block().b().parameter().getArray();
            NDArray sum;
            try (NDManager scope = manager.newSubManager()) {
                scope.tempAttachAll(a, b);
                NDArray update = b.matMul(a).mul((float) config.scale());
                sum = parameter.parameter().getArray().add(update);
                sum.attach(manager);
            }
            Parameter merged = Parameter.builder().setName(parameter.parameter().getName())
                    .setType(Parameter.Type.WEIGHT).build();
            merged.setArray(sum);
            out.add(new HfParameter(parameter.name(), merged, parameter.shape()));
        }
        return List.copyOf(out);
    }

    private static void collectLinears(Block block, Map<Parameter, AdaptableLinear> out) {
        if (block instanceof AdaptableLinear linear) {
            out.put(linear.weight(), linear);
        }
        for (Block child : block.getChildren().values()) {
            collectLinears(child, out);
        }
    }
}
