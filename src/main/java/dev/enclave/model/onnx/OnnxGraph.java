package dev.enclave.model.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an ONNX GraphProto that weight import needs: nodes in file order and initializers by name.
 *
 * @param nodes the graph nodes in file order
 * @param initializers the initializers by name, in file order
 */
public record OnnxGraph(List<OnnxNode> nodes, Map<String, OnnxTensor> initializers) {

    /** Copies the collections so the graph cannot change. */
    public OnnxGraph {
        nodes = List.copyOf(nodes);
        initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
    }

    /**
     * Returns the nodes that read a value.
     *
     * @param valueName the value name
     * @return the consuming nodes in file order
     */
    public List<OnnxNode> consumersOf(String valueName) {
        return nodes.stream().filter(node -> node.inputs().contains(valueName)).toList();
    }

    /**
     * Returns the initializer with the given name.
     *
     * @param name the initializer name
     * @return the initializer, or empty when there is none
     */
    public Optional<OnnxTensor> initializer(String name) {
        return Optional.ofNullable(initializers.get(name));
    }
}
