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

    /**
     * Wraps a matrix stored the other way round: the values are transposed when written.
     *
     * @param stored the stored dimensions [rows, columns]
     * @param values supplies the stored values in row-major order
     * @return a tensor of shape [columns, rows]
     */
    public static WritableTensor transposed(Shape stored, Supplier<float[]> values) {
        if (stored.dimension() != 2) {
            throw new IllegalArgumentException("only a matrix can be transposed, got shape " + stored);
        }
        int rows = Math.toIntExact(stored.get(0));
        int columns = Math.toIntExact(stored.get(1));
        return new WritableTensor(new Shape(columns, rows), () -> {
            float[] source = values.get();
            float[] result = new float[source.length];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    result[c * rows + r] = source[r * columns + c];
                }
            }
            return result;
        });
    }
}
