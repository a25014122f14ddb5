package dev.enclave.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

class OnnxModelReaderTest {

    @Test
    void readsNodesAndInitializersInBothEncodings() throws IOException {
        byte[] node = message(out -> {
            out.writeString(1, "x");
            out.writeString(1, "w");
            out.writeString(2, "y");
            out.writeString(3, "/layer/MatMul");
            out.writeString(4, "MatMul");
        });
        byte[] rawTensor = message(out -> {
            out.writeInt64(1, 2);
            out.writeInt64(1, 3);
            out.writeInt32(2, OnnxTensor.FLOAT);
            out.writeString(8, "w");
            out.writeBytes(9, ByteString.copyFrom(littleEndian(1, 2, 3, 4, 5, 6)));
        });
        byte[] packedTensor = message(out -> {
            out.writeTag(1, 2);
            out.writeUInt32NoTag(CodedOutputStream.computeInt64SizeNoTag(3));
            out.writeInt64NoTag(3);
            out.writeInt32(2, OnnxTensor.FLOAT);
            out.writeTag(4, 2);
            out.writeUInt32NoTag(12);
            out.writeFloatNoTag(0.5f);
            out.writeFloatNoTag(-1f);
            out.writeFloatNoTag(2f);
            out.writeString(8, "layer.bias");
        });
        byte[] graph = message(out -> {
            out.writeBytes(1, ByteString.copyFrom(node));
            out.writeString(2, "graph-name");
            out.writeBytes(5, ByteString.copyFrom(rawTensor));
            out.writeBytes(5, ByteString.copyFrom(packedTensor));
        });
        byte[] model = message(out -> {
            out.writeInt64(1, 6);
            out.writeBytes(7, ByteString.copyFrom(graph));
        });

        OnnxGraph parsed = OnnxModelReader.read(model, "test.onnx");

        assertEquals(List.of(new OnnxNode("/layer/MatMul", "MatMul", List.of("x", "w"), List.of("y"))),
                parsed.nodes());
        assertEquals(List.of("w", "layer.bias"), List.copyOf(parsed.initializers().keySet()));
        OnnxTensor w = parsed.initializer("w").orElseThrow();
        assertEquals(new Shape(2, 3), w.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w.floats());
        OnnxTensor bias = parsed.initializer("layer.bias").orElseThrow();
        assertEquals(new Shape(3), bias.shape());
        assertArrayEquals(new float[] {0.5f, -1f, 2f}, bias.floats());
        assertEquals(1, parsed.consumersOf("w").size());
    }

    @Test
    void rejectsBytesWithoutGraphAndNamesTheSource() throws IOException {
        byte[] model = message(out -> out.writeInt64(1, 6));
        OnnxFormatException error = assertThrows(OnnxFormatException.class,
                () -> OnnxModelReader.read(model, "empty.onnx"));
        assertTrue(error.getMessage().startsWith("empty.onnx"), error.getMessage());

        OnnxFormatException garbage = assertThrows(OnnxFormatException.class,
                () -> OnnxModelReader.read(new byte[] {(byte) 0x3a, (byte) 0xff, 1}, "garbage.onnx"));
        assertTrue(garbage.getMessage().startsWith("garbage.onnx"), garbage.getMessage());
    }

    /** Writes one protobuf message. */
    interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    static byte[] message(Fields fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        fields.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] littleEndian(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }
}
