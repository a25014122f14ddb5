package dev.enclave.model.safetensors;

import java.util.Arrays;
import java.util.Optional;

/** Element types named in safetensors headers. Only the floating types F32, F16 and BF16 can be read as float32. */
public enum SafetensorsDType {
    F64(8, false),
    F32(4, true),
    F16(2, true),
    BF16(2, true),
    F8_E4M3(1, false),
    F8_E5M2(1, false),
    I64(8, false),
    I32(4, false),
    I16(2, false),
    I8(1, false),
    U64(8, false),
    U32(4, false),
    U16(2, false),
    U8(1, false),
    BOOL(1, false);

    private final int byteSize;
    private final boolean readableAsFloat;

    SafetensorsDType(int byteSize, boolean readableAsFloat) {
        this.byteSize = byteSize;
        this.readableAsFloat = readableAsFloat;
    }

    /**
     * Returns the number of bytes of one element.
     *
     * @return the element size in bytes
     */
    public int byteSize() {
        return byteSize;
    }

    /**
     * Tells whether {@link SafetensorsReader#readFloats(String)} can widen this type to float32.
     *
     * @return true for F32, F16 and BF16
     */
    public boolean readableAsFloat() {
        return readableAsFloat;
    }

    /**
     * Looks up a type by its header spelling.
     *
     * @param name the header value, e.g. {@code "BF16"}
     * @return the type, or empty when the name is unknown
     */
    public static Optional<SafetensorsDType> fromHeader(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
