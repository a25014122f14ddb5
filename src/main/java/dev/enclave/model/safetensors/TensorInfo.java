package dev.enclave.model.safetensors;

import ai.djl.ndarray.types.Shape;

/**
 * One tensor entry of a safetensors header.
 *
 * @param name the tensor name
 * @param dtype the element type
 * @param shape the dimensions
 * @param begin the first byte, relative to the start of the data section
 * @param end one past the last byte, relative to the start of the data section
 */
public record TensorInfo(String name, SafetensorsDType dtype, Shape shape, long begin, long end) {

    /**
     * Returns the number of bytes the tensor occupies.
     *
     * @return {@code end - begin}
     */
    public long byteLength() {
        return end - begin;
    }
}
