package dev.enclave.model.safetensors;

/** Widening conversions from 16-bit floating formats to float32, done bit by bit in Java. */
final class Float16 {

    private Float16() {}

    /**
     * Converts an IEEE 754 binary16 value to float32 exactly.
     *
     * @param bits the 16 bits of the half-precision value
     * @return the same value as a float
     */
    static float halfToFloat(short bits) {
        int value = bits & 0xffff;
        int sign = (value & 0x8000) << 16;
        int exponent = (value >>> 10) & 0x1f;
        int mantissa = value & 0x3ff;
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /**
     * Converts a bfloat16 value to float32 exactly.
     *
     * @param bits the 16 bits of the bfloat16 value
     * @return the same value as a float
     */
    static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }
}
