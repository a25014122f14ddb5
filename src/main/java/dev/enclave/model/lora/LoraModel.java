package dev.enclave.model.lora;

import dev.enclave.model.AdaptableLinear;
import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * LoRA adapters attached to a model's linear projections. The projections are found by Hugging Face parameter name
 * ({@code <module path>.weight} whose module path a target name selects) among the {@link AdaptableLinear} blocks of
 * the model's block tree, so one implementation serves every model family whose projections implement that interface.
 * Attaching freezes the base parameters it is given; only the adapters' A and B train.
 *
 * <p>A is initialised from a seeded uniform distribution in ±1/√in (PEFT's Kaiming-uniform with a = √5) and B with
 * zeros, so the adapted model starts equal to the base model. Adapter parameters are named
 * {@code <module path>.lora_A.weight} [r, in] and {@code <module path>.lora_B.weight} [out, r].
 */
public final class LoraModel {

    /** One adapted projection. */
    private record Adapted(String modulePath, String target, AdaptableLinear linear, HfParameter a, HfParameter b) {}

    private final LoraConfig config;
    private final List<Adapted> adapted;

    private LoraModel(LoraConfig config, List<Adapted> adapted) {
        this.config = config;
        this.adapted = List.copyOf(adapted);
    }

    /**
     * Freezes {@code base} and attaches a fresh adapter to every targeted projection.
     *
     * @param model the model's root block (its projections are searched in its block tree)
     * @param base the model's parameters under Hugging Face names; all of them are frozen
     * @param config rank, alpha, dropout and targets
     * @param seed seeds the initialisation of A
     * @param manager owns the adapter arrays (on the device of the base weights)
     * @return the adapters
     * @throws IllegalArgumentException if no projection matches, or a target matches a module that is not a linear
     *     projection
     */
    public static LoraModel attach(Block model, List<HfParameter> base, LoraConfig config, long seed,
            NDManager manager) {
        Map<Parameter, AdaptableLinear> linears = new IdentityHashMap<>();
        collectLinears(model, linears);
        Random random = new Random(seed);
        List<Adapted> adapted = new ArrayList<>();
        for (HfParameter parameter : base) {
            String modulePath = modulePath(parameter.name());
            String target = modulePath == null ? null : config.targetOf(modulePath);
            if (target == null) {
                continue;
            }
            AdaptableLinear linear = linears.get(parameter.parameter());
            if (linear == null) {
                throw new IllegalArgumentException("LoRA target '" + target + "' selects " + modulePath
                        + ", which is not a linear projection");
            }
            long out = parameter.shape().get(0);
            long in = parameter.shape().get(1);
            float bound = (float) (1 / Math.sqrt(in));
            float[] aValues = new float[Math.toIntExact(config.rank() * in)];
            for (int i = 0; i < aValues.length; i++) {
                aValues[i] = (random.nextFloat() * 2 - 1) * bound;
            }
            HfParameter a = trainable(modulePath + ".lora_A.weight", manager.create(aValues, new Shape(config.rank(),
                    in)));
            HfParameter b = trainable(modulePath + ".lora_B.weight", manager.zeros(new Shape(out, config.rank())));
            adapted.add(new Adapted(modulePath, target, linear, a, b));
        }
        if (adapted.isEmpty()) {
            throw new IllegalArgumentException("LoRA target modules " + config.targetModules()
                    + " match no linear projection; projections are " + projectionPaths(base, linears));
        }
        for (HfParameter parameter : base) {
            parameter.parameter().freeze(true);
        }
        for (Adapted each : adapted) {
            each.linear().setAdapter(new LoraLayer(each.a().parameter(), each.b().parameter(), config.scale(),
                    config.dropout()));
        }
        return new LoraModel(config, adapted);
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
        return adapted.stream().map(Adapted::modulePath).toList();
    }

    /**
     * Lists the target names that selected at least one projection, sorted, as PEFT's {@code target_modules}.
     *
     * @return the target names in use
     */
    public List<String> matchedTargets() {
        return List.copyOf(new TreeSet<>(adapted.stream().map(Adapted::target).toList()));
    }

    /**
     * Lists the trainable adapter parameters: per projection A then B.
     *
     * @return the parameters with their names and shapes
     */
    public List<HfParameter> parameters() {
        List<HfParameter> out = new ArrayList<>();
        for (Adapted each : adapted) {
            out.add(each.a());
            out.add(each.b());
        }
        return List.copyOf(out);
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
     * Folds each update into its base weight, {@code W += (alpha / r) · B A}, and detaches the adapters, so the model
     * computes what base + adapter computed without the side path. The adapter parameters keep their values.
     */
    public void merge() {
        for (Adapted each : adapted) {
            NDArray weight = each.linear().weight().getArray();
            NDArray a = each.a().parameter().getArray();
            NDArray b = each.b().parameter().getArray();
            try (NDManager scope = NDManager.subManagerOf(weight)) {
                scope.tempAttachAll(a, b);
                NDArray update = b.matMul(a).mul((float) config.scale());
                weight.addi(update);
            }
            each.linear().setAdapter(null);
        }
    }

    /**
     * Counts the trainable adapter values.
     *
     * @return the sum of r·in + out·r over the adapted projections
     */
    public long parameterCount() {
        return parameters().stream().mapToLong(p -> p.shape().size()).sum();
    }

    private static HfParameter trainable(String name, NDArray value) {
        Parameter parameter = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        value.setRequiresGradient(true);
        parameter.setArray(value);
        return new HfParameter(name, parameter, value.getShape());
    }

    private static String modulePath(String parameterName) {
        return parameterName.endsWith(".weight")
                ? parameterName.substring(0, parameterName.length() - ".weight".length()) : null;
    }

    private static void collectLinears(Block block, Map<Parameter, AdaptableLinear> out) {
        if (block instanceof AdaptableLinear linear) {
            out.put(linear.weight(), linear);
        }
        for (Block child : block.getChildren().values()) {
            collectLinears(child, out);
        }
    }

    private static List<String> projectionPaths(List<HfParameter> base, Map<Parameter, AdaptableLinear> linears) {
        List<String> names = base.stream()
                .filter(parameter -> linears.containsKey(parameter.parameter()))
                .map(parameter -> modulePath(parameter.name()))
                .toList();
        return names.size() <= 8 ? names : names.subList(0, 8);
    }
}
