package dev.enclave.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertEncoder;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.safetensors.WritableTensor;

import ai.djl.ndarray.types.Shape;

import com.google.protobuf.ByteString;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Naming and transposition of anonymous MatMul weights, on a synthetic export of a tiny BERT. */
class OnnxBertWeightsTest {

    private static final BertConfig TINY = new BertConfig(11, 4, 1, 2, 6, 8, 2, 1e-12, BertConfig.GELU, 0, 0, 0);

    @Test
    void namesMatMulWeightsByTheirBiasAndTransposesThem() {
        List<HfParameter> expected = new BertEncoder(TINY).hfParameters();
        SortedMap<String, WritableTensor> tensors = OnnxBertWeights.convert(export(expected, null), expected, "t.onnx");

        assertEquals(expected.size(), tensors.size());
        for (HfParameter parameter : expected) {
            WritableTensor tensor = tensors.get(parameter.name());
            assertEquals(parameter.shape(), tensor.shape(), parameter.name());
            assertArrayEquals(valuesFor(parameter), tensor.values().get(), parameter.name());
        }
    }

    @Test
    void missingWeightIsNamedInTheError() {
        List<HfParameter> expected = new BertEncoder(TINY).hfParameters();
        String dropped = "encoder.layer.0.intermediate.dense.weight";
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OnnxBertWeights.convert(export(expected, dropped), expected, "t.onnx"));
        assertTrue(error.getMessage().startsWith("t.onnx") && error.getMessage().contains(dropped),
                error.getMessage());
    }

    /** Builds a graph the way the ONNX exporter does: Linear weights anonymous and [in, out]. */
    private static OnnxGraph export(List<HfParameter> parameters, String omitted) {
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        List<OnnxNode> nodes = new ArrayList<>();
        int counter = 0;
        for (HfParameter parameter : parameters) {
            String name = parameter.name();
            float[] values = valuesFor(parameter);
            boolean linear = name.endsWith(".weight") && !name.contains("LayerNorm") && !name.startsWith("embeddings");
            if (name.equals(omitted)) {
                continue;
            }
            if (!linear) {
                initializers.put(name, tensor(name, parameter.shape(), values));
                continue;
            }
            String anonymous = "onnx::MatMul_" + (100 + counter++);
            Shape stored = new Shape(parameter.shape().get(1), parameter.shape().get(0));
            initializers.put(anonymous, tensor(anonymous, stored, transpose(values, parameter.shape())));
            String bias = name.substring(0, name.length() - ".weight".length()) + ".bias";
            nodes.add(new OnnxNode(
                    "mm" + counter, "MatMul", List.of("in" + counter, anonymous), List.of("y" + counter)));
            nodes.add(new OnnxNode("add" + counter, "Add", List.of(bias, "y" + counter), List.of("z" + counter)));
        }
        return new OnnxGraph(nodes, initializers);
    }

    private static float[] valuesFor(HfParameter parameter) {
        float[] values = new float[(int) parameter.shape().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameter.name().hashCode() % 97 + i * 0.5f;
        }
        return values;
    }

    private static float[] transpose(float[] values, Shape shape) {
        int rows = (int) shape.get(0);
        int columns = (int) shape.get(1);
        float[] result = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                result[c * rows + r] = values[r * columns + c];
            }
        }
        return result;
    }

    private static OnnxTensor tensor(String name, Shape shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return new OnnxTensor(name, OnnxTensor.FLOAT, shape, ByteString.copyFrom(buffer.array()));
    }
}
