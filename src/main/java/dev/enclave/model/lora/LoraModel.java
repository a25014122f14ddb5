package dev.enclave.model.lora;

import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * LoRA adapters on a model's linear projections: {@code y = x Wᵀ + b + (alpha / r) · B A dropout(x)} with W frozen
 * and only A [r, in] and B [out, r] trained. Adapter parameters are named {@code <module path>.lora_A.weight} and
 * {@code <module path>.lora_B.weight}. Made by {@link LoraAdapters#finish}.
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
}
