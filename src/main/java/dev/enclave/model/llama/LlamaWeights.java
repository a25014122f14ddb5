package dev.enclave.model.llama;

import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.bert.WeightLoadReport;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.model.safetensors.TensorInfo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Puts values into a {@link LlamaCausalLm}'s parameters: from a safetensors checkpoint by Hugging Face name, one
 * tensor at a time (F16 and BF16 widened to float32), or from a seeded random draw.
 */
final class LlamaWeights {

    /** The standard deviation Hugging Face initialises Llama weights with ({@code initializer_range}). */
    static final double INIT_STD = 0.02;
    private static final int CHUNK = 1 << 20;

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
            set(parameter, checkpoint.readFloats(parameter.name()), manager);
            used.add(parameter.name());
        }
        List<String> ignored = checkpoint.tensorNames().stream().filter(name -> !used.contains(name)).toList();
        return new WeightLoadReport(checkpoint.files(), parameters.stream().map(HfParameter::name).toList(), ignored);
    }

    /**
     * Sets RMSNorm weights to one, biases to zero and every other weight to N(0, {@value #INIT_STD}²). Values come
     * from {@link SplittableRandom}s seeded per parameter and per chunk, so they do not depend on the thread count.
     */
    static void randomize(List<HfParameter> parameters, long seed, NDManager manager) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (HfParameter parameter : parameters) {
            long parameterSeed = seeds.nextLong();
            float[] values = new float[Math.toIntExact(parameter.shape().size())];
            String name = parameter.name();
            if (name.endsWith("norm.weight")) {
                java.util.Arrays.fill(values, 1f);
            } else if (!name.endsWith(".bias")) {
                int chunks = (values.length + CHUNK - 1) / CHUNK;
                IntStream.range(0, chunks).parallel().forEach(chunk -> {
                    SplittableRandom random = new SplittableRandom(parameterSeed ^ (0x9E3779B97F4A7C15L * (chunk + 1)));
                    int end = Math.min(values.length, (chunk + 1) * CHUNK);
                    for (int i = chunk * CHUNK; i < end; i++) {
                        values[i] = (float) (random.nextGaussian() * INIT_STD);
                    }
                });
            }
            set(parameter, values, manager);
        }
    }

    /** Puts values into a parameter: a new array when it has none, else a copy into the existing array. */
    static void set(HfParameter parameter, float[] values, NDManager manager) {
        Parameter target = parameter.parameter();
        if (target.isInitialized()) {
            target.getArray().set(values);
            return;
        }
        NDArray array = manager.create(values, parameter.shape());
        target.setArray(array);
        if (target.requiresGradient()) {
            array.setRequiresGradient(true);
        }
    }
}
