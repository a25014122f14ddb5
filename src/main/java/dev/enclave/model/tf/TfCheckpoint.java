package dev.enclave.model.tf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * A TensorFlow checkpoint on disk ({@code PREFIX.index} plus {@code PREFIX.data-NNNNN-of-MMMMM}), read one tensor at a
 * time: values are read from the data file only when asked for, and each tensor's bytes are checked against the
 * CRC-32C the index stores for them. Thread-safe (positional reads). Close it to release the data files.
 */
public final class TfCheckpoint implements AutoCloseable {

    /** Suffix of the index file. */
    public static final String INDEX_SUFFIX = ".index";

    private final Path indexFile;
    private final TensorBundleIndex index;
    private final List<Path> dataFiles;
    private final List<FileChannel> channels;

    private TfCheckpoint(Path indexFile, TensorBundleIndex index, List<Path> dataFiles, List<FileChannel> channels) {
        this.indexFile = indexFile;
        this.index = index;
        this.dataFiles = dataFiles;
        this.channels = channels;
    }

    /**
     * Opens a checkpoint by its index file; the data files sit beside it.
     *
     * @param indexFile e.g. {@code variables/variables.index}
     * @return the open checkpoint
     * @throws IOException if the index is malformed or a data file is missing
     */
    public static TfCheckpoint open(Path indexFile) throws IOException {
        String fileName = indexFile.getFileName().toString();
        if (!fileName.endsWith(INDEX_SUFFIX)) {
            throw new TfFormatException(indexFile + ": a checkpoint index file name ends with " + INDEX_SUFFIX);
        }
        TensorBundleIndex index = TensorBundleIndex.read(Files.readAllBytes(indexFile), indexFile.toString());
        String prefix = fileName.substring(0, fileName.length() - INDEX_SUFFIX.length());
        List<Path> dataFiles = new ArrayList<>();
        for (int shard = 0; shard < index.shards(); shard++) {
            dataFiles.add(indexFile.resolveSibling(dataFileName(prefix, shard, index.shards())));
        }
        List<FileChannel> channels = new ArrayList<>();
        try {
            for (Path dataFile : dataFiles) {
                if (!Files.isRegularFile(dataFile)) {
                    throw new TfFormatException(indexFile + ": data file " + dataFile + " is missing");
                }
                channels.add(FileChannel.open(dataFile, StandardOpenOption.READ));
            }
        } catch (IOException e) {
            for (FileChannel channel : channels) {
                channel.close();
            }
            throw e;
        }
        return new TfCheckpoint(indexFile, index, List.copyOf(dataFiles), List.copyOf(channels));
    }

    /**
     * Returns the name TensorFlow gives a data shard.
     *
     * @param prefix the checkpoint prefix, e.g. {@code variables}
     * @param shard the shard number from 0
     * @param shards the number of shards
     * @return e.g. {@code variables.data-00000-of-00001}
     */
    public static String dataFileName(String prefix, int shard, int shards) {
        return String.format(Locale.ROOT, "%s.data-%05d-of-%05d", prefix, shard, shards);
    }

    /**
     * Returns the index file.
     *
     * @return the path given to {@link #open}
     */
    public Path indexFile() {
        return indexFile;
    }

    /**
     * Returns every tensor's entry.
     *
     * @return the entries by name
     */
    public SortedMap<String, TfTensorEntry> tensors() {
        return index.tensors();
    }

    /**
     * Reads a float32 tensor after checking its CRC-32C.
     *
     * @param name the tensor name
     * @return its values in row-major order
     * @throws TfFormatException naming the tensor and data file if it is absent, not float32, does not fit its
     *     shape or the file, or its bytes do not match the stored checksum
     * @throws IOException if reading fails
     */
    public float[] readFloats(String name) throws IOException {
        TfTensorEntry entry = index.tensors().get(name);
        if (entry == null) {
            throw new TfFormatException(indexFile + ": no tensor '" + name + "'");
        }
        Path dataFile = dataFiles.get(entry.shardId());
        String where = dataFile + ": tensor '" + name + "'";
        if (entry.dtype() != TfTensorEntry.DT_FLOAT) {
            throw new TfFormatException(where + " is " + entry.dtypeName() + ", not DT_FLOAT");
        }
        long count = entry.shape().size();
        if (entry.size() != count * Float.BYTES || entry.size() > Integer.MAX_VALUE - 8) {
            throw new TfFormatException(where + " has " + entry.size() + " bytes for shape " + entry.shape());
        }
        FileChannel channel = channels.get(entry.shardId());
        if (entry.offset() + entry.size() > channel.size()) {
            throw new TfFormatException(where + " at bytes " + entry.offset() + "+" + entry.size()
                    + " runs past the end of the " + channel.size() + "-byte file");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) entry.size()).order(ByteOrder.LITTLE_ENDIAN);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, entry.offset() + bytes.position()) < 0) {
                throw new TfFormatException(where + ": unexpected end of file");
            }
        }
        bytes.flip();
        int stored = MaskedCrc32c.unmask(entry.maskedCrc32c());
        int actual = MaskedCrc32c.of(bytes);
        if (stored != actual) {
            throw new TfFormatException(where + ": crc32c mismatch (index says 0x" + Integer.toHexString(stored)
                    + ", data has 0x" + Integer.toHexString(actual) + "); the data file is corrupt or belongs to"
                    + " another checkpoint");
        }
        float[] values = new float[(int) count];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    /** Closes the data files. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
