package dev.enclave.model.tf;

import ai.djl.ndarray.types.Shape;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The decoded {@code .index} file of a TensorFlow checkpoint (a TensorBundle): an {@link SsTable} whose empty key
 * holds a {@code BundleHeaderProto} (shard count, endianness, format version) and whose other keys are tensor names
 * mapped to {@code BundleEntryProto}s. Partitioned (sliced) variables and big-endian bundles are refused.
 *
 * @param shards the number of data files
 * @param tensors the tensors by name
 */
public record TensorBundleIndex(int shards, SortedMap<String, TfTensorEntry> tensors) {

    private static final int HEADER_NUM_SHARDS = 1;
    private static final int HEADER_ENDIANNESS = 2;
    private static final int ENTRY_DTYPE = 1;
    private static final int ENTRY_SHAPE = 2;
    private static final int ENTRY_SHARD_ID = 3;
    private static final int ENTRY_OFFSET = 4;
    private static final int ENTRY_SIZE = 5;
    private static final int ENTRY_CRC32C = 6;
    private static final int ENTRY_SLICES = 7;
    private static final int SHAPE_DIM = 2;
    private static final int SHAPE_UNKNOWN_RANK = 3;
    private static final int DIM_SIZE = 1;
    private static final int BIG_ENDIAN = 1;

    /** Copies the map. */
    public TensorBundleIndex {
        tensors = Collections.unmodifiableSortedMap(new TreeMap<>(tensors));
    }

    /**
     * Decodes an index file.
     *
     * @param table the whole {@code .index} file
     * @param source the file name, used in error messages
     * @return the index
     * @throws TfFormatException naming the source and the entry if the table or a proto is malformed
     */
    public static TensorBundleIndex read(byte[] table, String source) throws TfFormatException {
        Map<String, byte[]> entries = SsTable.read(table, source);
        byte[] header = entries.get("");
        if (header == null) {
            throw new TfFormatException(source + ": no BundleHeaderProto (empty key); not a TensorBundle index");
        }
        int shards = header(header, source);
        SortedMap<String, TfTensorEntry> tensors = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (!entry.getKey().isEmpty()) {
                TfTensorEntry tensor = entry(entry.getKey(), entry.getValue(), source);
                if (tensor.shardId() < 0 || tensor.shardId() >= shards) {
                    throw new TfFormatException(source + ": tensor '" + tensor.name() + "' is in shard "
                            + tensor.shardId() + " of " + shards);
                }
                tensors.put(entry.getKey(), tensor);
            }
        }
        return new TensorBundleIndex(shards, tensors);
    }

    private static int header(byte[] bytes, String source) throws TfFormatException {
        int shards = 1;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case HEADER_NUM_SHARDS -> shards = in.readInt32();
                    case HEADER_ENDIANNESS -> {
                        if (in.readEnum() == BIG_ENDIAN) {
                            throw new TfFormatException(source + ": big-endian bundles are not supported");
                        }
                    }
                    default -> in.skipField(tag);
                }
            }
        } catch (TfFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new TfFormatException(source + ": malformed BundleHeaderProto: " + e.getMessage(), e);
        }
        if (shards < 1) {
            throw new TfFormatException(source + ": BundleHeaderProto has num_shards " + shards);
        }
        return shards;
    }

    private static TfTensorEntry entry(String name, byte[] bytes, String source) throws TfFormatException {
        int dtype = 0;
        List<Long> dims = new ArrayList<>();
        int shard = 0;
        long offset = 0;
        long size = 0;
        int crc = 0;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case ENTRY_DTYPE -> dtype = in.readEnum();
                    case ENTRY_SHAPE -> {
                        int limit = in.pushLimit(in.readRawVarint32());
                        readShape(in, dims, name, source);
                        in.popLimit(limit);
                    }
                    case ENTRY_SHARD_ID -> shard = in.readInt32();
                    case ENTRY_OFFSET -> offset = in.readInt64();
                    case ENTRY_SIZE -> size = in.readInt64();
                    case ENTRY_CRC32C -> crc = in.readFixed32();
                    case ENTRY_SLICES -> throw new TfFormatException(source + ": tensor '" + name
                            + "' is a partitioned variable (slices); not supported");
                    default -> in.skipField(tag);
                }
            }
        } catch (TfFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new TfFormatException(source + ": tensor '" + name + "': malformed BundleEntryProto: "
                    + e.getMessage(), e);
        }
        if (offset < 0 || size < 0) {
            throw new TfFormatException(source + ": tensor '" + name + "' has offset " + offset + " and size " + size);
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new TfTensorEntry(name, dtype, new Shape(shape), shard, offset, size, crc);
    }

    private static void readShape(CodedInputStream in, List<Long> dims, String name, String source)
            throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case SHAPE_DIM -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    long size = 0;
                    for (int dimTag = in.readTag(); dimTag != 0; dimTag = in.readTag()) {
                        if (WireFormat.getTagFieldNumber(dimTag) == DIM_SIZE) {
                            size = in.readInt64();
                        } else {
                            in.skipField(dimTag);
                        }
                    }
                    in.popLimit(limit);
                    if (size < 0) {
                        throw new TfFormatException(source + ": tensor '" + name + "' has an unknown dimension");
                    }
                    dims.add(size);
                }
                case SHAPE_UNKNOWN_RANK -> {
                    if (in.readBool()) {
                        throw new TfFormatException(source + ": tensor '" + name + "' has an unknown rank");
                    }
                }
                default -> in.skipField(tag);
            }
        }
    }
}
