package dev.enclave.model.tf;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC-32C as LevelDB and TensorFlow store it: masked ({@code rotate right 15, plus 0xa282ead8}) so that the checksum
 * of bytes that themselves contain checksums stays well distributed.
 */
final class MaskedCrc32c {

    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {}

    /**
     * Masks a plain CRC-32C.
     *
     * @param crc the checksum
     * @return the stored form
     */
    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /**
     * Undoes {@link #mask}.
     *
     * @param masked the stored form
     * @return the plain checksum
     */
    static int unmask(int masked) {
        int rotated = masked - MASK_DELTA;
        return (rotated >>> 17) | (rotated << 15);
    }

    /**
     * Computes the plain CRC-32C of a byte range.
     *
     * @param bytes the array
     * @param offset first byte
     * @param length number of bytes
     * @return the checksum
     */
    static int of(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /**
     * Computes the plain CRC-32C of a buffer's remaining bytes without moving its position.
     *
     * @param buffer the bytes
     * @return the checksum
     */
    static int of(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate());
        return (int) crc.getValue();
    }
}
