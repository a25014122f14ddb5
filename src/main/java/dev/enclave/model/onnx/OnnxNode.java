package dev.enclave.model.onnx;

import java.util.List;

/**
 * One ONNX graph node (NodeProto): its operator and the names of the values it reads and writes.
 *
 * @param name the node name, possibly empty
 * @param opType the operator, e.g. {@code MatMul}
 * @param inputs the input value names in order
 * @param outputs the output value names in order
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs) {

    /** Copies the lists so the node cannot change. */
    public OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
