package dev.enclave.model.onnx;

import ai.djl.ndarray.types.Shape;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the graph of an ONNX ModelProto with protobuf's wire-format reader, without generated classes.
 *
 * <p>Only what weight import needs is kept: nodes (name, op type, inputs, outputs) and initializers (name, data type,
 * dims, data). Initializers with external data are rejected. Tensor bytes alias the input array, so keep it alive
 * while the graph is in use.
 */
public final class OnnxModelReader {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int DATA_LOCATION_EXTERNAL = 1;

    private OnnxModelReader() {}

    /**
     * Parses the graph of an ONNX model.
     *
     * @param modelBytes the serialized ModelProto
     * @param source where the bytes came from, used in error messages
     * @return the graph
     * @throws OnnxFormatException if the bytes are not a ModelProto with a graph
     */
    public static OnnxGraph read(byte[] modelBytes, String source) throws OnnxFormatException {
        try {
            CodedInputStream in = CodedInputStream.newInstance(modelBytes);
            in.enableAliasing(true);
            OnnxGraph graph = null;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
                    graph = readGraph(in.readBytes().newCodedInput());
                } else {
                    in.skipField(tag);
                }
            }
            if (graph == null) {
                throw new OnnxFormatException(source + ": ModelProto has no graph (field 7)", null);
            }
            return graph;
        } catch (OnnxFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new OnnxFormatException(source + ": not a readable ONNX ModelProto: " + e.getMessage(), e);
        }
    }

    private static OnnxGraph readGraph(CodedInputStream in) throws IOException {
        in.enableAliasing(true);
        List<OnnxNode> nodes = new ArrayList<>();
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case GRAPH_NODE -> nodes.add(readNode(in.readBytes().newCodedInput()));
                case GRAPH_INITIALIZER -> {
                    OnnxTensor tensor = readTensor(in.readBytes().newCodedInput());
                    if (initializers.put(tensor.name(), tensor) != null) {
                        throw new IOException("initializer '" + tensor.name() + "' appears twice");
                    }
                }
                default -> in.skipField(tag);
            }
        }
        return new OnnxGraph(nodes, initializers);
    }

    private static OnnxNode readNode(CodedInputStream in) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(in.readStringRequireUtf8());
                case NODE_OUTPUT -> outputs.add(in.readStringRequireUtf8());
                case NODE_NAME -> name = in.readStringRequireUtf8();
                case NODE_OP_TYPE -> opType = in.readStringRequireUtf8();
                default -> in.skipField(tag);
            }
        }
        return new OnnxNode(name, opType, inputs, outputs);
    }

    private static OnnxTensor readTensor(CodedInputStream in) throws IOException {
        in.enableAliasing(true);
        List<Long> dims = new ArrayList<>();
        List<Float> floatData = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteString raw = null;
        boolean external = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            switch (field) {
                case TENSOR_DIMS -> {
                    if (packed) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) {
                            dims.add(in.readInt64());
                        }
                        in.popLimit(limit);
                    } else {
                        dims.add(in.readInt64());
                    }
                }
                case TENSOR_DATA_TYPE -> dataType = in.readInt32();
                case TENSOR_FLOAT_DATA -> {
                    if (packed) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) {
                            floatData.add(in.readFloat());
                        }
                        in.popLimit(limit);
                    } else {
                        floatData.add(in.readFloat());
                    }
                }
                case TENSOR_NAME -> name = in.readStringRequireUtf8();
                case TENSOR_RAW_DATA -> raw = in.readBytes();
                case TENSOR_DATA_LOCATION -> external = in.readInt32() == DATA_LOCATION_EXTERNAL;
                default -> in.skipField(tag);
            }
        }
        if (external) {
            throw new IOException("initializer '" + name + "' keeps its data in an external file (not supported)");
        }
        if (raw == null) {
            raw = packFloats(floatData);
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new OnnxTensor(name, dataType, new Shape(shape), raw);
    }

    private static ByteString packFloats(List<Float> values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(buffer::putFloat);
        buffer.flip();
        return ByteString.copyFrom(buffer);
    }
}
