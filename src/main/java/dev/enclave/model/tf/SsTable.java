package dev.enclave.model.tf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an uncompressed LevelDB table (the format of a TensorFlow checkpoint's {@code .index} file) held in memory.
 *
 * <p>Layout: data blocks, a metaindex block, an index block, then a 48-byte footer (two varint block handles, zero
 * padding, the magic {@code 0xdb4775248b80fb57} little-endian). Each block is followed by a one-byte compression type
 * and the masked CRC-32C of the block and that byte. A block holds prefix-compressed entries ({@code shared},
 * {@code non_shared} and value length as varints, the key suffix, the value), then the little-endian offsets of its
 * restart points (entries that store their whole key) and their count. The index block maps a key at or after the
 * last key of each data block to that block's handle. Every checksum is verified; keys must ascend bytewise.
 */
public final class SsTable {

    /** The table magic number, stored little-endian in the last 8 bytes. */
    public static final long MAGIC = 0xdb4775248b80fb57L;
    /** Size of the footer in bytes. */
    public static final int FOOTER_SIZE = 48;
    /** Size of the type byte and checksum after each block. */
    public static final int BLOCK_TRAILER_SIZE = 5;
    /** The only supported block compression type: none. */
    public static final int NO_COMPRESSION = 0;

    private final byte[] table;
    private final String source;

    private SsTable(byte[] table, String source) {
        this.table = table;
        this.source = source;
    }

    /**
     * Reads every entry of a table.
     *
     * @param table the whole table file
     * @param source the file name, used in error messages
     * @return the entries in table (ascending key) order; keys decoded as UTF-8
     * @throws TfFormatException naming the source and the block offset if the table is truncated, corrupt,
     *     compressed or out of order
     */
    public static Map<String, byte[]> read(byte[] table, String source) throws TfFormatException {
        return new SsTable(table, source).entries();
    }

    private Map<String, byte[]> entries() throws TfFormatException {
        if (table.length < FOOTER_SIZE) {
            throw new TfFormatException(source + ": " + table.length + " bytes is too short for a table footer");
        }
        ByteBuffer footer = ByteBuffer.wrap(table, table.length - FOOTER_SIZE, FOOTER_SIZE)
                .slice().order(ByteOrder.LITTLE_ENDIAN);
        long magic = footer.getLong(FOOTER_SIZE - Long.BYTES);
        if (magic != MAGIC) {
            throw new TfFormatException(source + ": bad table magic 0x" + Long.toHexString(magic) + " (expected 0x"
                    + Long.toHexString(MAGIC) + "); not a LevelDB table");
        }
        Cursor handles = new Cursor(table, table.length - FOOTER_SIZE, table.length - Long.BYTES, source + ": footer");
        handles.varint64(); // metaindex handle: TensorFlow writes no meta blocks
        handles.varint64();
        long indexOffset = handles.varint64();
        long indexSize = handles.varint64();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] previous = null;
        for (RawEntry indexEntry : blockEntries(indexOffset, indexSize, "index block")) {
            byte[] handle = indexEntry.value();
            Cursor cursor = new Cursor(handle, 0, handle.length, source + ": index entry '" + utf8(indexEntry.key())
                    + "'");
            long offset = cursor.varint64();
            long size = cursor.varint64();
            for (RawEntry entry : blockEntries(offset, size, "data block")) {
                byte[] key = entry.key();
                if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
                    throw new TfFormatException(source + ": data block at offset " + offset + ": key '"
                            + utf8(key) + "' does not sort after '" + utf8(previous) + "'");
                }
                previous = key;
                entries.put(utf8(key), entry.value());
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    private List<RawEntry> blockEntries(long offset, long size, String what) throws TfFormatException {
        String where = source + ": " + what + " at offset " + offset;
        if (offset < 0 || size < Integer.BYTES || offset + size + BLOCK_TRAILER_SIZE > table.length - FOOTER_SIZE) {
            throw new TfFormatException(where + " with size " + size + " lies outside the "
                    + table.length + "-byte table");
        }
        int start = (int) offset;
        int end = start + (int) size;
        int type = table[end] & 0xff;
        if (type != NO_COMPRESSION) {
            throw new TfFormatException(where + " uses compression type " + type
                    + "; only uncompressed tables (as TensorFlow writes checkpoint indexes) are supported");
        }
        int stored = ByteBuffer.wrap(table, end + 1, Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int actual = MaskedCrc32c.mask(MaskedCrc32c.of(table, start, (int) size + 1));
        if (stored != actual) {
            throw new TfFormatException(where + ": block checksum mismatch (stored 0x" + Integer.toHexString(stored)
                    + ", computed 0x" + Integer.toHexString(actual) + ")");
        }
        ByteBuffer trailer = ByteBuffer.wrap(table, start, (int) size).slice().order(ByteOrder.LITTLE_ENDIAN);
        int restarts = trailer.getInt((int) size - Integer.BYTES);
        long restartsStart = size - Integer.BYTES - (long) restarts * Integer.BYTES;
        if (restarts < 1 || restartsStart < 0) {
            throw new TfFormatException(where + ": invalid restart count " + restarts);
        }
        int[] restartOffsets = new int[restarts];
        for (int i = 0; i < restarts; i++) {
            restartOffsets[i] = trailer.getInt((int) restartsStart + i * Integer.BYTES);
        }
        List<RawEntry> entries = new ArrayList<>();
        Cursor cursor = new Cursor(table, start, start + (int) restartsStart, where);
        byte[] key = new byte[0];
        int nextRestart = 0;
        while (cursor.hasMore()) {
            int entryOffset = cursor.position() - start;
            int shared = cursor.varint32();
            int unshared = cursor.varint32();
            int valueLength = cursor.varint32();
            boolean restart = nextRestart < restarts && restartOffsets[nextRestart] == entryOffset;
            if (restart) {
                nextRestart++;
            }
            if (shared > key.length || (restart || entries.isEmpty()) && shared != 0) {
                throw new TfFormatException(where + ": entry at block offset " + entryOffset + " shares " + shared
                        + " key bytes" + (restart || entries.isEmpty() ? " at a restart point" : " of "
                        + key.length));
            }
            byte[] next = Arrays.copyOf(key, shared + unshared);
            cursor.bytes(next, shared, unshared);
            byte[] value = new byte[valueLength];
            cursor.bytes(value, 0, valueLength);
            key = next;
            entries.add(new RawEntry(key, value));
        }
        if (nextRestart != restarts) {
            throw new TfFormatException(where + ": restart point " + nextRestart + " (block offset "
                    + restartOffsets[nextRestart] + ") is not the start of an entry");
        }
        return entries;
    }

    private record RawEntry(byte[] key, byte[] value) {}

    private static String utf8(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }

    /** Reads varints and byte runs from a bounded range of an array. */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private final String where;
        private int position;

        Cursor(byte[] bytes, int start, int end, String where) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
            this.where = where;
        }

        boolean hasMore() {
            return position < end;
        }

        int position() {
            return position;
        }

        int varint32() throws TfFormatException {
            long value = varint64();
            if (value > Integer.MAX_VALUE) {
                throw new TfFormatException(where + ": varint " + value + " is too large");
            }
            return (int) value;
        }

        long varint64() throws TfFormatException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= end) {
                    throw new TfFormatException(where + ": truncated varint");
                }
                byte b = bytes[position++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new TfFormatException(where + ": varint longer than 10 bytes");
        }

        void bytes(byte[] target, int offset, int length) throws TfFormatException {
            if (length > end - position) {
                throw new TfFormatException(where + ": entry runs past the end of its block");
            }
            System.arraycopy(bytes, position, target, offset, length);
            position += length;
        }
    }
}
