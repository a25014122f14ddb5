package dev.enclave.model.safetensors;

import ai.djl.ndarray.types.Shape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads one safetensors file: an 8-byte little-endian header length, a JSON header, then the tensor bytes.
 *
 * <p>The header is validated when the file is opened (known dtypes, offsets that match the shapes and lie inside the
 * file), so a truncated file fails early. Tensors are memory-mapped one at a time and widened to float32 in Java
 * ({@link #readFloats(String)}); the reader never holds a copy of all weights.
 */
public final class SafetensorsReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final String METADATA_KEY = "__metadata__";

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final SortedMap<String, TensorInfo> tensors;
    private final SortedMap<String, String> metadata;

    private SafetensorsReader(
            Path file,
            FileChannel channel,
            long dataStart,
            SortedMap<String, TensorInfo> tensors,
            SortedMap<String, String> metadata) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.tensors = Collections.unmodifiableSortedMap(tensors);
        this.metadata = Collections.unmodifiableSortedMap(metadata);
    }

    /**
     * Opens a file and validates its header.
     *
     * @param file the safetensors file
     * @return an open reader; close it to release the file
     * @throws SafetensorsFormatException if the header is malformed or the file is shorter than the header says
     * @throws IOException if the file cannot be read
     */
    public static SafetensorsReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long fileSize = channel.size();
            if (fileSize < Long.BYTES) {
                throw new SafetensorsFormatException(file + ": " + fileSize + " bytes, too short for a header");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0, file);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > fileSize - Long.BYTES) {
                throw new SafetensorsFormatException(
                        file + ": header length " + headerLength + " does not fit a file of " + fileSize
                                + " bytes (truncated or not safetensors)");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, Long.BYTES, file);
            long dataStart = Long.BYTES + headerLength;
            String headerText = new String(headerBytes.array(), StandardCharsets.UTF_8);
            SortedMap<String, TensorInfo> tensors = new TreeMap<>();
            SortedMap<String, String> metadata = new TreeMap<>();
            parseHeader(file, headerText, fileSize - dataStart, tensors, metadata);
            return new SafetensorsReader(file, channel, dataStart, tensors, metadata);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer target, long position, Path file)
            throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                throw new SafetensorsFormatException(file + ": unexpected end of file at byte " + at);
            }
            at += read;
        }
    }

    private static void parseHeader(
            Path file,
            String headerText,
            long dataLength,
            Map<String, TensorInfo> tensors,
            Map<String, String> metadata)
            throws SafetensorsFormatException {
        JsonNode header;
        try {
            header = JSON.readTree(headerText);
        } catch (JsonProcessingException e) {
            throw new SafetensorsFormatException(file + ": header is not valid JSON", e);
        }
        if (header == null || !header.isObject()) {
            throw new SafetensorsFormatException(file + ": header is not a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (METADATA_KEY.equals(entry.getKey())) {
                entry.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
            } else {
                tensors.put(entry.getKey(), parseEntry(file, entry.getKey(), entry.getValue(), dataLength));
            }
        }
    }

    private static TensorInfo parseEntry(Path file, String name, JsonNode entry, long dataLength)
            throws SafetensorsFormatException {
        String where = file + ": tensor '" + name + "'";
        String dtypeName = entry.path("dtype").asText("");
        SafetensorsDType dtype = SafetensorsDType.fromHeader(dtypeName)
                .orElseThrow(() -> new SafetensorsFormatException(where + " has unknown dtype '" + dtypeName + "'"));
        JsonNode shapeNode = entry.path("shape");
        JsonNode offsets = entry.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw new SafetensorsFormatException(where + " needs a 'shape' array and two 'data_offsets'");
        }
        long[] dims = new long[shapeNode.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shapeNode.get(i).asLong(-1);
            if (dims[i] < 0) {
                throw new SafetensorsFormatException(where + " has a negative or non-numeric dimension");
            }
        }
        Shape shape = new Shape(dims);
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin) {
            throw new SafetensorsFormatException(where + " has invalid data_offsets [" + begin + ", " + end + "]");
        }
        if (end > dataLength) {
            throw new SafetensorsFormatException(where + " ends at byte " + end + " but the data section holds only "
                    + dataLength + " bytes (file truncated?)");
        }
        long expected = shape.size() * dtype.byteSize();
        if (end - begin != expected) {
            throw new SafetensorsFormatException(where + " has " + (end - begin) + " bytes, but " + dtype + " "
                    + shape + " needs " + expected);
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    /**
     * Returns the file this reader reads.
     *
     * @return the file path
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the optional {@code __metadata__} string map of the header.
     *
     * @return the metadata, sorted by key; empty when the header has none
     */
    public SortedMap<String, String> metadata() {
        return metadata;
    }

    /**
     * Returns the tensor names.
     *
     * @return the names, sorted
     */
    public SortedSet<String> tensorNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(tensors.keySet()));
    }

    /**
     * Tells whether the file holds a tensor.
     *
     * @param name the tensor name
     * @return true if the header lists it
     */
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /**
     * Returns the header entry of a tensor.
     *
     * @param name the tensor name
     * @return its dtype, shape and offsets
     * @throws IllegalArgumentException if the file has no such tensor
     */
    public TensorInfo tensor(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new IllegalArgumentException(file + ": no tensor named '" + name + "'");
        }
        return info;
    }

    /**
     * Reads a floating-point tensor, widening F16 and BF16 to float32.
     *
     * @param name the tensor name
     * @return a new array of {@code shape.size()} values in row-major order
     * @throws SafetensorsFormatException if the tensor's dtype is not F32, F16 or BF16
     * @throws IOException if the bytes cannot be read
     */
    public float[] readFloats(String name) throws IOException {
        TensorInfo info = tensor(name);
        if (!info.dtype().readableAsFloat()) {
            throw new SafetensorsFormatException(file + ": tensor '" + name + "' has dtype " + info.dtype()
                    + "; only F32, F16 and BF16 can be read as float32");
        }
        long count = info.shape().size();
        if (count > Integer.MAX_VALUE - 8) {
            throw new SafetensorsFormatException(file + ": tensor '" + name + "' has " + count
                    + " elements, more than one Java array holds");
        }
        float[] values = new float[(int) count];
        if (count == 0) {
            return values;
        }
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + info.begin(),
                info.byteLength());
        ByteBuffer bytes = mapped.order(ByteOrder.LITTLE_ENDIAN);
        switch (info.dtype()) {
            case F32 -> bytes.asFloatBuffer().get(values);
            case F16 -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float16.halfToFloat(bytes.getShort(i * 2));
                }
            }
            case BF16 -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float16.bfloat16ToFloat(bytes.getShort(i * 2));
                }
            }
            default -> throw new IllegalStateException("unreachable: " + info.dtype());
        }
        return values;
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
