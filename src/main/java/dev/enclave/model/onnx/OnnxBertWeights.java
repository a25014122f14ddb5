package dev.enclave.model.onnx;

import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.safetensors.WritableTensor;

import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Recovers Hugging Face BERT tensors from the initializers of an ONNX export.
 *
 * <p>Embeddings, biases and LayerNorm parameters keep their Hugging Face names in the export. Linear weights are
 * anonymous ({@code onnx::MatMul_NNN}, stored [in, out]): each is named by following its MatMul node's output to
 * the Add node that adds {@code <x>.bias}, becomes {@code <x>.weight}, and is transposed to [out, in].
 */
public final class OnnxBertWeights {

    private static final String BIAS_SUFFIX = ".bias";
    private static final String WEIGHT_SUFFIX = ".weight";

    private OnnxBertWeights() {}

    /**
     * Maps the graph's initializers onto the expected parameters.
     *
     * @param graph the ONNX graph
     * @param expected the parameters to find, with their required shapes
     * @param source the ONNX file or resource name, used in error messages
     * @return one lazily converted tensor per expected name, sorted by name
     * @throws IllegalArgumentException naming the source and tensors if any is missing, ambiguous or misshaped
     */
    public static SortedMap<String, WritableTensor> convert(
            OnnxGraph graph, List<HfParameter> expected, String source) {
        Map<String, Shape> required = new HashMap<>();
        expected.forEach(parameter -> required.put(parameter.name(), parameter.shape()));
        SortedMap<String, WritableTensor> tensors = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (OnnxTensor initializer : graph.initializers().values()) {
            if (initializer.dataType() != OnnxTensor.FLOAT) {
                continue;
            }
            boolean named = required.containsKey(initializer.name());
            String name = named ? initializer.name() : linearWeightName(graph, initializer.name());
            if (name == null || !required.containsKey(name)) {
                continue;
            }
            Shape shape = required.get(name);
            Shape stored = named ? shape : new Shape(shape.get(1), shape.get(0));
            if (!initializer.shape().equals(stored)) {
                problems.add("'" + name + "' (initializer '" + initializer.name() + "') has shape "
                        + initializer.shape() + ", expected " + stored);
            } else if (tensors.containsKey(name)) {
                problems.add("'" + name + "' is produced by more than one initializer");
            } else {
                tensors.put(name, named ? new WritableTensor(shape, initializer::floats)
                        : WritableTensor.transposed(stored, initializer::floats));
            }
        }
        List<String> missing = expected.stream().map(HfParameter::name).filter(n -> !tensors.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            problems.add("no initializer found for " + missing);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
        }
        return tensors;
    }

    private static String linearWeightName(OnnxGraph graph, String initializerName) {
        for (OnnxNode matMul : graph.consumersOf(initializerName)) {
            if (!"MatMul".equals(matMul.opType()) || matMul.inputs().size() != 2
                    || !matMul.inputs().get(1).equals(initializerName) || matMul.outputs().isEmpty()) {
                continue;
            }
            for (OnnxNode add : graph.consumersOf(matMul.outputs().get(0))) {
                if (!"Add".equals(add.opType())) {
                    continue;
                }
                for (String input : add.inputs()) {
                    if (input.endsWith(BIAS_SUFFIX) && graph.initializer(input).isPresent()) {
                        return input.substring(0, input.length() - BIAS_SUFFIX.length()) + WEIGHT_SUFFIX;
                    }
                }
            }
        }
        return null;
    }
}
