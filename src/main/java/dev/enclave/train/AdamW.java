package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) with decoupled weight decay, per-group learning rates and global gradient-norm
 * clipping, computed as PyTorch's {@code torch.optim.AdamW} does: {@code w ← w (1 − lr·wd)}, then
 * {@code w ← w − lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)}. The update runs as in-place array operations (about
 * half the memory traffic of DJL's {@code adamUpdate} kernel, which dominates a step of a small model), and zeroes
 * the gradients after it. Unlike DJL's own optimisers its moment estimates and step count are plain state owned
 * here, so checkpoints can save and restore them. One-dimensional parameters (biases, LayerNorm and RMSNorm weights)
 * get no decay.
 * Each trained parameter is known as {@code group:name}; the moments of {@code s} are {@code s.exp_avg} and
 * {@code s.exp_avg_sq}, as PyTorch's AdamW names them.
 */
public final class AdamW implements AutoCloseable {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final NDManager stateManager;
    private final List<Slot> slots = new ArrayList<>();
    private final float weightDecay;
    private final double clipGradNorm;
    private int step;

    /** One trained parameter with its group's peak learning rate and its moment estimates. */
    private record Slot(String name, Parameter parameter, double peakLearningRate, boolean decays, NDArray mean,
            NDArray variance) {}

    /**
     * @param manager parent scope for the optimiser state
     * @param weightDecay decoupled weight decay per unit learning rate
     * @param clipGradNorm clip the global gradient norm to this (0: no clipping)
     */
    public AdamW(NDManager manager, double weightDecay, double clipGradNorm) {
        this.stateManager = manager.newSubManager();
        this.weightDecay = (float) weightDecay;
        this.clipGradNorm = clipGradNorm;
    }

    /** Adds parameters trained at {@code peakLearningRate} (times the schedule factor). */
    public AdamW add(String group, List<? extends java.util.Map.Entry<String, Parameter>> parameters,
            double peakLearningRate) {
        for (var entry : parameters) {
            NDArray weight = entry.getValue().getArray();
            String name = entry.getKey();
            boolean decays = weight.getShape().dimension() >= 2;
            NDArray mean = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            NDArray variance = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            slots.add(new Slot(group + ":" + name, entry.getValue(), peakLearningRate, decays, mean, variance));
        }
        return this;
    }

    /**
     * Applies one update with learning rate {@code peak × factor} per group, then zeroes the gradients.
     *
     * @return the global gradient norm before clipping
     */
    public double step(double factor) {
        step++;
        double norm = globalGradientNorm();
        float rescale = clipGradNorm > 0 && norm > clipGradNorm ? (float) (clipGradNorm / (norm + 1e-6)) : 1f;
        double varianceCorrection = Math.sqrt(1 - Math.pow(BETA2, step));
        double stepScale = varianceCorrection / (1 - Math.pow(BETA1, step));
        float epsilon = (float) (EPSILON * varianceCorrection);
        for (Slot slot : slots) {
            NDArray weight = slot.parameter().getArray();
            float learningRate = (float) (slot.peakLearningRate() * factor);
            try (NDArray gradient = weight.getGradient()) {
                try (NDArray scaled = gradient.mul(rescale * (1 - BETA1))) {
                    slot.mean().muli(BETA1).addi(scaled);
                }
                try (NDArray squared = gradient.square()) {
                    slot.variance().muli(BETA2).addi(squared.muli(rescale * rescale * (1 - BETA2)));
                }
                if (slot.decays() && weightDecay > 0) {
                    weight.muli(1 - learningRate * weightDecay);
                }
                try (NDArray denominator = slot.variance().sqrt();
                        NDArray update = slot.mean().div(denominator.addi(epsilon))) {
                    weight.subi(update.muli((float) (learningRate * stepScale)));
                }
                gradient.subi(gradient);
            }
        }
        return norm;
    }

    /** Steps taken so far. */
    public int steps() {
        return step;
    }

    /** The trained parameters' arrays by {@code group:name}, in the order they were added. */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        slots.forEach(slot -> out.put(slot.name(), slot.parameter().getArray()));
        return out;
    }

    /** The moment estimates by {@code group:name.exp_avg} and {@code group:name.exp_avg_sq}. */
    public Map<String, NDArray> moments() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Slot slot : slots) {
            out.put(slot.name() + ".exp_avg", slot.mean());
            out.put(slot.name() + ".exp_avg_sq", slot.variance());
        }
        return out;
    }

    /** Number of trained values. */
    public long parameterCount() {
        return slots.stream().mapToLong(slot -> slot.mean().size()).sum();
    }

    /**
     * Puts back a saved state: the step count, every trained parameter and both moments of each.
     *
     * @param steps steps taken when the state was saved
     * @param values values by the names of {@link #parameters()} and {@link #moments()}
     * @throws IllegalArgumentException naming the tensor if one is missing or has the wrong size
     */
    public void restore(int steps, Map<String, float[]> values) {
        Map<String, NDArray> targets = new LinkedHashMap<>(parameters());
        targets.putAll(moments());
        for (Map.Entry<String, NDArray> target : targets.entrySet()) {
            float[] value = values.get(target.getKey());
            if (value == null || value.length != target.getValue().size()) {
                throw new IllegalArgumentException("optimiser state '" + target.getKey() + "' is "
                        + (value == null ? "missing" : "of size " + value.length + ", expected "
                                + target.getValue().getShape()));
            }
            target.getValue().set(value);
        }
        this.step = steps;
    }

    private double globalGradientNorm() {
        double sumOfSquares = 0;
        for (Slot slot : slots) {
            try (NDArray norm = slot.parameter().getArray().getGradient().norm()) {
                double value = norm.getFloat();
                sumOfSquares += value * value;
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
