package dev.enclave.model.llama;

import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.bert.WeightLoadReport;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.model.safetensors.TensorInfo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts values into a {@link LlamaCausalLm}'s parameters: from a safetensors checkpoint by Hugging Face name, one
 * tensor at a time (F16 and BF16 widened to float32), or from a seeded random draw.
 */
final class LlamaWeights {

    /** The standard deviation Hugging Face initialises Llama weights with ({@code initializer_range}). */
    static final double INIT_STD = 0.02;

    private LlamaWeights() {}

    /**
     * Loads every parameter; checks all names and shapes before reading any value.
     *
     * @throws IOException naming the files and tensors that are missing or misshaped
     */
    static WeightLoadReport load(List<HfParameter> parameters, SafetensorsCheckpoint checkpoint, boolean tied,
            NDManager manager) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> misshaped = new ArrayList<>();
        for (HfParameter parameter : parameters) {
            if (!checkpoint.contains(parameter.name())) {
                missing.add(parameter.name());
                continue;
            }
            TensorInfo info = checkpoint.tensor(parameter.name());
            if (!info.shape().equals(parameter.shape())) {
                misshaped.add("'" + parameter.name() + "' in " + checkpoint.fileOf(parameter.name()).getFileName()
                        + " has shape " + info.shape() + ", expected " + parameter.shape());
            }
        }
        if (!missing.isEmpty()) {
            String hint = !tied && missing.contains(LlamaCausalLm.LM_HEAD + ".weight")
                    ? " (config.json has tie_word_embeddings false, so lm_head.weight must be stored)" : "";
            throw new IOException(checkpoint.files() + ": missing " + missing.size() + " tensor(s) " + missing
                    + hint);
        }
        if (!misshaped.isEmpty()) {
            throw new IOException(checkpoint.files() + ": tensor shapes do not match config.json: "
                    + String.join("; ", misshaped));
        }
        Set<String> used = new HashSet<>();
        for (HfParameter parameter : parameters) {
            set(parameter, manager.create(checkpoint.readFloats(parameter.name()), parameter.shape()));
            used.add(parameter.name());
        }
        List<String> ignored = checkpoint.tensorNames().stream().filter(name -> !used.contains(name)).toList();
        return new WeightLoadReport(checkpoint.files(), parameters.stream().map(HfParameter::name).toList(), ignored);
    }

    /**
     * Sets RMSNorm weights to one, biases to zero and every other weight to N(0, {@value #INIT_STD}²), drawn by the
     * engine's generator after seeding it, so the values are made natively without a copy on the Java heap.
     */
    static void randomize(List<HfParameter> parameters, long seed, NDManager manager) {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        for (HfParameter parameter : parameters) {
            String name = parameter.name();
            Shape shape = parameter.shape();
            NDArray values = name.endsWith("norm.weight") ? manager.ones(shape)
                    : name.endsWith(".bias") ? manager.zeros(shape)
                    : manager.randomNormal(0f, (float) INIT_STD, shape, DataType.FLOAT32);
            set(parameter, values);
        }
    }

    /** Puts float32 values into a parameter: they become its array when it has none, else they are copied in. */
    static void set(HfParameter parameter, NDArray values) {
        Parameter target = parameter.parameter();
        if (target.isInitialized()) {
            target.getArray().set(values.toByteBuffer());
            values.close();
            return;
        }
        target.setArray(values);
        if (target.requiresGradient()) {
            values.setRequiresGradient(true);
        }
    }
}
