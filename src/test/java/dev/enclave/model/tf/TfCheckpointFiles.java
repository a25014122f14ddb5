package dev.enclave.model.tf;

import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Test-only writer of TensorFlow checkpoints (one shard): an uncompressed LevelDB table as the index, with small data
 * blocks and a short restart interval so that reads cross blocks and prefix-compressed keys, and a data file of the
 * tensors' little-endian bytes in name order, each with its masked CRC-32C in its {@code BundleEntryProto}.
 */
public final class TfCheckpointFiles {

    /** TensorFlow's {@code DT_INT64}. */
    public static final int DT_INT64 = 9;

    private final SortedMap<String, Tensor> tensors = new TreeMap<>();
    private int blockSize = 4096;
    private int restartInterval = 16;
    private int dataBlocks;

    /** A tensor to write: its TensorFlow type, shape and raw little-endian bytes. */
    private record Tensor(int dtype, long[] shape, byte[] bytes) {}

    /**
     * Adds a float32 tensor.
     *
     * @param name the variable name
     * @param values the values in row-major order
     * @param shape the dimensions
     * @return this writer
     */
    public TfCheckpointFiles floats(String name, float[] values, long... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        tensors.put(name, new Tensor(TfTensorEntry.DT_FLOAT, shape, bytes.array()));
        return this;
    }

    /**
     * Adds an int64 scalar (as {@code global_step}).
     *
     * @param name the variable name
     * @param value the value
     * @return this writer
     */
    public TfCheckpointFiles int64Scalar(String name, long value) {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        tensors.put(name, new Tensor(DT_INT64, new long[0], bytes));
        return this;
    }

    /**
     * Sets the size at which a data block is closed.
     *
     * @param bytes the threshold in bytes of entries
     * @return this writer
     */
    public TfCheckpointFiles blockSize(int bytes) {
        this.blockSize = bytes;
        return this;
    }

    /**
     * Sets how many entries share one restart point.
     *
     * @param entries the interval
     * @return this writer
     */
    public TfCheckpointFiles restartInterval(int entries) {
        this.restartInterval = entries;
        return this;
    }

    /**
     * Returns how many data blocks the last {@link #write} produced.
     *
     * @return the count
     */
    public int dataBlocks() {
        return dataBlocks;
    }

    /**
     * Writes {@code prefix.index} and {@code prefix.data-00000-of-00001} into a folder.
     *
     * @param folder the folder
     * @param prefix e.g. {@code variables}
     * @return the index file
     * @throws IOException if writing fails
     */
    public Path write(Path folder, String prefix) throws IOException {
        Files.createDirectories(folder);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        SortedMap<String, byte[]> entries = new TreeMap<>();
        entries.put("", header());
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            Tensor tensor = entry.getValue();
            entries.put(entry.getKey(), bundleEntry(tensor, data.size()));
            data.write(tensor.bytes());
        }
        Files.write(folder.resolve(TfCheckpoint.dataFileName(prefix, 0, 1)), data.toByteArray());
        Path index = folder.resolve(prefix + TfCheckpoint.INDEX_SUFFIX);
        Files.write(index, table(entries));
        return index;
    }

    private static byte[] header() throws IOException {
        ByteArrayOutputStream version = new ByteArrayOutputStream();
        CodedOutputStream versionOut = CodedOutputStream.newInstance(version);
        versionOut.writeInt32(1, 1);
        versionOut.flush();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt32(1, 1);
        out.writeByteArray(3, version.toByteArray());
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] bundleEntry(Tensor tensor, long offset) throws IOException {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        CodedOutputStream shapeOut = CodedOutputStream.newInstance(shape);
        for (long dim : tensor.shape()) {
            ByteArrayOutputStream dimBytes = new ByteArrayOutputStream();
            CodedOutputStream dimOut = CodedOutputStream.newInstance(dimBytes);
            if (dim != 0) {
                dimOut.writeInt64(1, dim);
            }
            dimOut.flush();
            shapeOut.writeByteArray(2, dimBytes.toByteArray());
        }
        shapeOut.flush();
        CRC32C crc = new CRC32C();
        crc.update(tensor.bytes());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeEnum(1, tensor.dtype());
        out.writeByteArray(2, shape.toByteArray());
        if (offset != 0) {
            out.writeInt64(4, offset);
        }
        out.writeInt64(5, tensor.bytes().length);
        out.writeFixed32(6, MaskedCrc32c.mask((int) crc.getValue()));
        out.flush();
        return bytes.toByteArray();
    }

    private byte[] table(SortedMap<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        BlockBuilder index = new BlockBuilder(1);
        BlockBuilder block = new BlockBuilder(restartInterval);
        dataBlocks = 0;
        byte[] lastKey = null;
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
            block.add(key, entry.getValue());
            lastKey = key;
            if (block.size() >= blockSize) {
                index.add(lastKey, handle(writeBlock(file, block.finish())));
                block = new BlockBuilder(restartInterval);
                dataBlocks++;
            }
        }
        if (!block.isEmpty()) {
            index.add(lastKey, handle(writeBlock(file, block.finish())));
            dataBlocks++;
        }
        long[] metaindex = writeBlock(file, new BlockBuilder(1).finish());
        long[] indexHandle = writeBlock(file, index.finish());
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        footer.write(handle(metaindex));
        footer.write(handle(indexHandle));
        byte[] padded = Arrays.copyOf(footer.toByteArray(), SsTable.FOOTER_SIZE - Long.BYTES);
        file.write(padded);
        file.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(SsTable.MAGIC).array());
        return file.toByteArray();
    }

    private static long[] writeBlock(ByteArrayOutputStream file, byte[] contents) {
        long offset = file.size();
        file.write(contents, 0, contents.length);
        byte[] withType = Arrays.copyOf(contents, contents.length + 1);
        file.write(SsTable.NO_COMPRESSION);
        int crc = MaskedCrc32c.mask(MaskedCrc32c.of(withType, 0, withType.length));
        file.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(crc).array(), 0, 4);
        return new long[] {offset, contents.length};
    }

    private static byte[] handle(long[] offsetAndSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, offsetAndSize[0]);
        varint(out, offsetAndSize[1]);
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** Builds one block: prefix-compressed entries, a restart point every {@code interval} entries. */
    private static final class BlockBuilder {
        private final int interval;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final List<Integer> restarts = new ArrayList<>(List.of(0));
        private byte[] lastKey = new byte[0];
        private int count;

        BlockBuilder(int interval) {
            this.interval = interval;
        }

        void add(byte[] key, byte[] value) {
            int shared = 0;
            if (count > 0 && count % interval == 0) {
                restarts.add(buffer.size());
            } else if (count > 0) {
                int max = Math.min(lastKey.length, key.length);
                while (shared < max && lastKey[shared] == key[shared]) {
                    shared++;
                }
            }
            varint(buffer, shared);
            varint(buffer, key.length - shared);
            varint(buffer, value.length);
            buffer.write(key, shared, key.length - shared);
            buffer.write(value, 0, value.length);
            lastKey = key;
            count++;
        }

        boolean isEmpty() {
            return count == 0;
        }

        int size() {
            return buffer.size();
        }

        byte[] finish() {
            ByteBuffer trailer = ByteBuffer.allocate((restarts.size() + 1) * Integer.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            restarts.forEach(trailer::putInt);
            trailer.putInt(restarts.size());
            buffer.write(trailer.array(), 0, trailer.capacity());
            return buffer.toByteArray();
        }
    }
}
