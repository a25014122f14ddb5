package dev.enclave.model.onnx;

import ai.djl.ndarray.types.Shape;

import com.google.protobuf.ByteString;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * One ONNX initializer (TensorProto): name, element type, dimensions and its little-endian bytes.
 *
 * @param name the initializer name
 * @param dataType the ONNX {@code TensorProto.DataType} number ({@value #FLOAT} is float32)
 * @param shape the dimensions
 * @param data the element bytes, little-endian, as stored in {@code raw_data} (or packed from {@code float_data})
 */
public record OnnxTensor(String name, int dataType, Shape shape, ByteString data) {

    /** ONNX {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;

    /**
     * Returns the values of a float32 tensor.
     *
     * @return a new array holding {@code shape().size()} values
     * @throws IllegalStateException if the tensor is not float32 or its byte count does not match its shape
     */
    public float[] floats() {
        if (dataType != FLOAT) {
            throw new IllegalStateException(
                    "ONNX initializer '" + name + "' has data type " + dataType + ", not FLOAT (1)");
        }
        long expected = shape.size() * Float.BYTES;
        if (data.size() != expected) {
            throw new IllegalStateException(
                    "ONNX initializer '" + name + "' holds " + data.size() + " bytes, shape " + shape
                            + " needs " + expected);
        }
        FloatBuffer buffer = data.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
