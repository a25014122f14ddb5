package dev.enclave.model.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes F32 safetensors files deterministically: tensors sorted by name in the header and the data, the optional
 * {@code __metadata__} first with sorted keys, the header padded with spaces to a multiple of 8 bytes. The file is
 * written beside its target and moved into place, so readers never see half a file.
 */
public final class SafetensorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK_FLOATS = 16 * 1024;

    private final SortedMap<String, String> metadata;

    private SafetensorsWriter(Builder builder) {
        this.metadata = Collections.unmodifiableSortedMap(new TreeMap<>(builder.metadata));
    }

    /**
     * Starts a writer configuration.
     *
     * @return a builder with no metadata
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the tensors to a file, replacing it if it exists.
     *
     * @param file the target file
     * @param tensors the tensors by name
     * @throws IOException if writing fails or a tensor's value count does not match its shape
     */
    public void write(Path file, Map<String, WritableTensor> tensors) throws IOException {
        SortedMap<String, WritableTensor> sorted = new TreeMap<>(tensors);
        byte[] header = header(file, sorted);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
                ByteBuffer length = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                out.write(length.putLong(header.length).array());
                out.write(header);
                ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (Map.Entry<String, WritableTensor> entry : sorted.entrySet()) {
                    writeValues(file, entry.getKey(), entry.getValue(), out, chunk);
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private byte[] header(Path file, SortedMap<String, WritableTensor> tensors) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put("__metadata__", metadata);
        }
        long offset = 0;
        for (Map.Entry<String, WritableTensor> entry : tensors.entrySet()) {
            String name = entry.getKey();
            if (name.isEmpty() || "__metadata__".equals(name)) {
                throw new IllegalArgumentException(file + ": invalid tensor name '" + name + "'");
            }
            long[] dims = entry.getValue().shape().getShape();
            long bytes = entry.getValue().shape().size() * Float.BYTES;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("dtype", SafetensorsDType.F32.name());
            fields.put("shape", Arrays.stream(dims).boxed().toList());
            fields.put("data_offsets", List.of(offset, offset + bytes));
            header.put(name, fields);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        byte[] result = Arrays.copyOf(json, padded);
        Arrays.fill(result, json.length, padded, (byte) ' ');
        return result;
    }

    private static void writeValues(Path file, String name, WritableTensor tensor, OutputStream out,
            ByteBuffer chunk) throws IOException {
        float[] values = tensor.values().get();
        if (values.length != tensor.shape().size()) {
            throw new IOException(file + ": tensor '" + name + "' supplies " + values.length + " values but shape "
                    + tensor.shape() + " needs " + tensor.shape().size());
        }
        for (int start = 0; start < values.length; start += CHUNK_FLOATS) {
            int count = Math.min(CHUNK_FLOATS, values.length - start);
            chunk.clear();
            chunk.asFloatBuffer().put(values, start, count);
            out.write(chunk.array(), 0, count * Float.BYTES);
        }
    }

    /** Configures a {@link SafetensorsWriter}. */
    public static final class Builder {

        private final Map<String, String> metadata = new TreeMap<>();

        private Builder() {}

        /**
         * Sets the {@code __metadata__} entries (for example {@code format=pt}).
         *
         * @param entries string keys and values
         * @return this builder
         */
        public Builder optMetadata(Map<String, String> entries) {
            metadata.clear();
            metadata.putAll(entries);
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return an immutable writer
         */
        public SafetensorsWriter build() {
            return new SafetensorsWriter(this);
        }
    }
}
