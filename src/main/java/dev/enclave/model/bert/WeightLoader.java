package dev.enclave.model.bert;

import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.model.safetensors.TensorInfo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sets DJL parameters from a safetensors checkpoint by Hugging Face name, accepting an optional {@code bert.} prefix
 * in the checkpoint. All names and shapes are checked before any value is read.
 */
final class WeightLoader {

    static final String BERT_PREFIX = "bert.";

    private WeightLoader() {}

    static WeightLoadReport load(List<HfParameter> parameters, SafetensorsCheckpoint checkpoint, NDManager manager)
            throws IOException {
        Map<HfParameter, String> sources = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> misshaped = new ArrayList<>();
        for (HfParameter parameter : parameters) {
            String source = checkpoint.contains(parameter.name()) ? parameter.name()
                    : checkpoint.contains(BERT_PREFIX + parameter.name()) ? BERT_PREFIX + parameter.name() : null;
            if (source == null) {
                missing.add(parameter.name());
                continue;
            }
            TensorInfo info = checkpoint.tensor(source);
            if (!info.shape().equals(parameter.shape())) {
                misshaped.add("'" + source + "' in " + checkpoint.fileOf(source).getFileName() + " has shape "
                        + info.shape() + ", expected " + parameter.shape());
            }
            sources.put(parameter, source);
        }
        if (!missing.isEmpty()) {
            throw new IOException(checkpoint.files() + ": missing " + missing.size() + " tensor(s) " + missing
                    + " (Hugging Face BertModel names, optionally prefixed 'bert.')");
        }
        if (!misshaped.isEmpty()) {
            throw new IOException(checkpoint.files() + ": tensor shapes do not match config.json: "
                    + String.join("; ", misshaped));
        }
        for (Map.Entry<HfParameter, String> entry : sources.entrySet()) {
            set(entry.getKey(), checkpoint.readFloats(entry.getValue()), manager);
        }
        Set<String> used = new HashSet<>(sources.values());
        List<String> ignored = checkpoint.tensorNames().stream().filter(name -> !used.contains(name)).toList();
        List<String> loaded = parameters.stream().map(HfParameter::name).toList();
        return new WeightLoadReport(checkpoint.files(), loaded, ignored);
    }

    /**
     * Puts values into a parameter: a new array when it has none, else a copy into the existing array.
     *
     * @param parameter the parameter and its required shape
     * @param values the values in row-major order
     * @param manager the manager that owns new parameter arrays
     */
    static void set(HfParameter parameter, float[] values, NDManager manager) {
        Parameter target = parameter.parameter();
        if (target.isInitialized()) {
            target.getArray().set(values);
            return;
        }
        if (target.getShape() != null) {
            target.initialize(manager, DataType.FLOAT32);
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
