package dev.enclave.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

class SafetensorsTest {

    @TempDir
    Path temp;

    @Test
    void writesSortedDeterministicF32AndReadsItBack() throws IOException {
        Map<String, WritableTensor> tensors = Map.of(
                "z.last", WritableTensor.of(new float[] {1f, -2f, 3.5f, 0f, 7f, 8f}, new Shape(2, 3)),
                "a.first", WritableTensor.of(new float[] {0.25f}, new Shape(1)),
                "m.scalar", WritableTensor.of(new float[] {42f}, new Shape()));
        SafetensorsWriter writer = SafetensorsWriter.builder().optMetadata(Map.of("format", "pt")).build();
        Path first = temp.resolve("one.safetensors");
        Path second = temp.resolve("two.safetensors");
        writer.write(first, tensors);
        writer.write(second, new TreeMap<>(tensors));

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "output must not depend on map order");
        String header = headerOf(first);
        assertTrue(header.indexOf("__metadata__") < header.indexOf("a.first"), header);
        assertTrue(header.indexOf("a.first") < header.indexOf("m.scalar"), header);
        assertTrue(header.indexOf("m.scalar") < header.indexOf("z.last"), header);
        assertEquals(0, (8 + header.getBytes(StandardCharsets.UTF_8).length) % 8, "header is padded to 8 bytes");

        try (SafetensorsReader reader = SafetensorsReader.open(first)) {
            assertEquals(List.of("a.first", "m.scalar", "z.last"), List.copyOf(reader.tensorNames()));
            assertEquals(Map.of("format", "pt"), reader.metadata());
            assertEquals(new Shape(2, 3), reader.tensor("z.last").shape());
            assertEquals(SafetensorsDType.F32, reader.tensor("z.last").dtype());
            assertArrayEquals(new float[] {1f, -2f, 3.5f, 0f, 7f, 8f}, reader.readFloats("z.last"));
            assertArrayEquals(new float[] {42f}, reader.readFloats("m.scalar"));
            assertArrayEquals(new float[] {0.25f}, reader.readFloats("a.first"));
        }
    }

    @Test
    void widensHandWrittenF16AndBf16() throws IOException {
        short[] half = {0x3C00, (short) 0xC000, 0x3800, 0x7BFF, 0x0001, 0x7C00, (short) 0x8000, 0x3555};
        float[] halfValues = {1f, -2f, 0.5f, 65504f, 0x1p-24f, Float.POSITIVE_INFINITY, -0f, 0.33325195f};
        short[] brain = {0x3F80, (short) 0xC040, 0x4049, 0x0001, (short) 0xFF80};
        float[] brainValues = {1f, -3f, 3.140625f, Float.intBitsToFloat(0x00010000), Float.NEGATIVE_INFINITY};
        Path file = temp.resolve("half.safetensors");
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,4],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[5],\"data_offsets\":[16,26]}}";
        ByteBuffer data = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        for (short bits : half) {
            data.putShort(bits);
        }
        for (short bits : brain) {
            data.putShort(bits);
        }
        writeRaw(file, header, data.array());

        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            assertEquals(SafetensorsDType.F16, reader.tensor("h").dtype());
            assertArrayEquals(halfValues, reader.readFloats("h"));
            assertArrayEquals(brainValues, reader.readFloats("b"));
        }
    }

    @Test
    void loadsShardedCheckpointThroughIndex() throws IOException {
        SafetensorsWriter writer = SafetensorsWriter.builder().build();
        writer.write(temp.resolve("model-00001-of-00002.safetensors"),
                Map.of("a", WritableTensor.of(new float[] {1, 2}, new Shape(2))));
        writer.write(temp.resolve("model-00002-of-00002.safetensors"),
                Map.of("b", WritableTensor.of(new float[] {3, 4, 5}, new Shape(3)),
                        "c", WritableTensor.of(new float[] {6}, new Shape(1))));
        Files.writeString(temp.resolve(SafetensorsCheckpoint.INDEX_FILE), "{\"metadata\":{\"total_size\":24},"
                + "\"weight_map\":{\"a\":\"model-00001-of-00002.safetensors\","
                + "\"b\":\"model-00002-of-00002.safetensors\",\"c\":\"model-00002-of-00002.safetensors\"}}");

        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(temp)) {
            assertEquals(List.of("a", "b", "c"), List.copyOf(checkpoint.tensorNames()));
            assertEquals(2, checkpoint.files().size());
            assertEquals("model-00002-of-00002.safetensors", checkpoint.fileOf("c").getFileName().toString());
            assertArrayEquals(new float[] {1, 2}, checkpoint.readFloats("a"));
            assertArrayEquals(new float[] {3, 4, 5}, checkpoint.readFloats("b"));
            assertArrayEquals(new float[] {6}, checkpoint.readFloats("c"));
        }
        assertEquals(3, SafetensorsCheckpoint.weightFiles(temp).size(), "index plus two shards");
    }

    @Test
    void indexNamingATensorItsShardLacksFails() throws IOException {
        SafetensorsWriter.builder().build().write(temp.resolve("shard.safetensors"),
                Map.of("a", WritableTensor.of(new float[] {1}, new Shape(1))));
        Files.writeString(temp.resolve(SafetensorsCheckpoint.INDEX_FILE),
                "{\"weight_map\":{\"a\":\"shard.safetensors\",\"ghost\":\"shard.safetensors\"}}");
        SafetensorsFormatException error =
                assertThrows(SafetensorsFormatException.class, () -> SafetensorsCheckpoint.open(temp));
        assertTrue(error.getMessage().contains("'ghost'") && error.getMessage().contains("shard.safetensors"),
                error.getMessage());
    }

    @Test
    void truncatedFileFailsNamingFileAndTensor() throws IOException {
        Path file = temp.resolve("full.safetensors");
        SafetensorsWriter.builder().build().write(file, Map.of(
                "first", WritableTensor.of(new float[] {1, 2, 3, 4}, new Shape(4)),
                "second", WritableTensor.of(new float[] {5, 6, 7, 8}, new Shape(2, 2))));
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = temp.resolve("truncated.safetensors");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 5));

        SafetensorsFormatException error =
                assertThrows(SafetensorsFormatException.class, () -> SafetensorsReader.open(truncated));
        assertTrue(error.getMessage().contains("truncated.safetensors"), error.getMessage());
        assertTrue(error.getMessage().contains("'second'"), error.getMessage());

        Path headerOnly = temp.resolve("header-cut.safetensors");
        Files.write(headerOnly, Arrays.copyOf(bytes, 20));
        SafetensorsFormatException headerError =
                assertThrows(SafetensorsFormatException.class, () -> SafetensorsReader.open(headerOnly));
        assertTrue(headerError.getMessage().contains("header-cut.safetensors"), headerError.getMessage());
    }

    @Test
    void rejectsInconsistentHeadersAndNonFloatReads() throws IOException {
        Path wrongSize = temp.resolve("wrong-size.safetensors");
        writeRaw(wrongSize, "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);
        SafetensorsFormatException sizeError =
                assertThrows(SafetensorsFormatException.class, () -> SafetensorsReader.open(wrongSize));
        assertTrue(sizeError.getMessage().contains("'w'") && sizeError.getMessage().contains("needs 12"),
                sizeError.getMessage());

        Path unknownType = temp.resolve("unknown.safetensors");
        writeRaw(unknownType, "{\"w\":{\"dtype\":\"F4\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[1]);
        assertThrows(SafetensorsFormatException.class, () -> SafetensorsReader.open(unknownType));

        Path ints = temp.resolve("ints.safetensors");
        writeRaw(ints, "{\"position_ids\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]}}", new byte[16]);
        try (SafetensorsReader reader = SafetensorsReader.open(ints)) {
            SafetensorsFormatException error =
                    assertThrows(SafetensorsFormatException.class, () -> reader.readFloats("position_ids"));
            assertTrue(error.getMessage().contains("ints.safetensors") && error.getMessage().contains("I64"),
                    error.getMessage());
            IllegalArgumentException missing =
                    assertThrows(IllegalArgumentException.class, () -> reader.readFloats("absent"));
            assertTrue(missing.getMessage().contains("'absent'"), missing.getMessage());
        }
    }

    @Test
    void writerRejectsValueCountThatDoesNotMatchShape() {
        Path file = temp.resolve("bad.safetensors");
        IOException error = assertThrows(IOException.class, () -> SafetensorsWriter.builder().build()
                .write(file, Map.of("w", WritableTensor.of(new float[] {1, 2, 3}, new Shape(2, 2)))));
        assertTrue(error.getMessage().contains("'w'"), error.getMessage());
        assertTrue(Files.notExists(file), "no partial file is left behind");
    }

    private static void writeRaw(Path file, String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json).put(data);
        Files.write(file, buffer.array());
    }

    private static String headerOf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(bytes, 8, (int) length, StandardCharsets.UTF_8);
    }
}
