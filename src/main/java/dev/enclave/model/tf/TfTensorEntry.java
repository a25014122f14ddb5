package dev.enclave.model.tf;

import ai.djl.ndarray.types.Shape;

/**
 * Where one tensor of a TensorFlow checkpoint lies: a decoded {@code BundleEntryProto} from the {@code .index} file.
 *
 * @param name the variable name, e.g. {@code bert/encoder/layer_0/attention/self/query/kernel}
 * @param dtype the TensorFlow {@code DataType} number ({@link #DT_FLOAT} for float32)
 * @param shape the dimensions
 * @param shardId which {@code .data-NNNNN-of-MMMMM} file holds the bytes
 * @param offset the first byte in that file
 * @param size the number of bytes
 * @param maskedCrc32c the masked CRC-32C of those bytes, as stored
 */
public record TfTensorEntry(String name, int dtype, Shape shape, int shardId, long offset, long size,
        int maskedCrc32c) {

    /** TensorFlow's {@code DT_FLOAT}. */
    public static final int DT_FLOAT = 1;

    /**
     * Returns a readable name for the data type.
     *
     * @return e.g. {@code DT_FLOAT}, or {@code DataType N} for one this reader does not name
     */
    public String dtypeName() {
        return switch (dtype) {
            case DT_FLOAT -> "DT_FLOAT";
            case 2 -> "DT_DOUBLE";
            case 3 -> "DT_INT32";
            case 7 -> "DT_STRING";
            case 9 -> "DT_INT64";
            case 10 -> "DT_BOOL";
            case 14 -> "DT_BFLOAT16";
            case 19 -> "DT_HALF";
            default -> "DataType " + dtype;
        };
    }
}
