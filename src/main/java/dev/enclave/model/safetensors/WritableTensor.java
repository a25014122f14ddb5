package dev.enclave.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.function.Supplier;

/**
 * A tensor to be written as F32: its shape and a supplier of its values, asked for only when the writer reaches it,
 * so a whole checkpoint is never copied to the Java heap at once.
 *
 * @param shape the dimensions
 * @param values supplies {@code shape.size()} values in row-major order
 */
public record WritableTensor(Shape shape, Supplier<float[]> values) {

    /**
     * Wraps values already in memory.
     *
     * @param values the values in row-major order
     * @param shape the dimensions
     * @return the tensor
     */
    public static WritableTensor of(float[] values, Shape shape) {
        return new WritableTensor(shape, () -> values);
    }

    /**
     * Wraps an NDArray; its values are copied out (and converted to float32 if needed) when written.
     *
     * @param array the array
     * @return the tensor
     */
    public static WritableTensor of(NDArray array) {
        return new WritableTensor(array.getShape(), () -> {
            if (array.getDataType() == DataType.FLOAT32) {
                return array.toFloatArray();
            }
            try (NDArray converted = array.toType(DataType.FLOAT32, true)) {
                return converted.toFloatArray();
            }
        });
    }
}
