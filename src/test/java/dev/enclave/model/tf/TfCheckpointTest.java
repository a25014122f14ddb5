package dev.enclave.model.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The LevelDB table and TensorBundle reader against checkpoints written by {@link TfCheckpointFiles}. */
class TfCheckpointTest {

    @TempDir
    Path temp;

    private final Map<String, float[]> values = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private TfCheckpointFiles files;

    @BeforeEach
    void tensors() {
        Random random = new Random(7);
        files = new TfCheckpointFiles().blockSize(96).restartInterval(3);
        for (int layer = 0; layer < 3; layer++) {
            for (String part : List.of("attention/self/query/kernel", "attention/self/query/bias",
                    "attention/output/LayerNorm/gamma", "intermediate/dense/kernel")) {
                String name = "bert/encoder/layer_" + layer + "/" + part;
                long[] shape = part.endsWith("kernel") ? new long[] {3, 2 + layer} : new long[] {2 + layer};
                add(name, shape, random);
            }
        }
        add("bert/embeddings/word_embeddings", new long[] {5, 3}, random);
        add("cls/predictions/output_bias", new long[] {5}, random);
        files.int64Scalar("global_step", 1234);
    }

    private void add(String name, long[] shape, Random random) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        values.put(name, v);
        shapes.put(name, shape);
        files.floats(name, v, shape);
    }

    @Test
    void readsEveryTensorAcrossBlocksAndRestartPoints() throws IOException {
        Path index = files.write(temp, "variables");
        assertTrue(files.dataBlocks() >= 3, "the fixture must span several data blocks, got " + files.dataBlocks());

        Map<String, byte[]> table = SsTable.read(Files.readAllBytes(index), index.toString());
        List<String> expectedKeys = new ArrayList<>(values.keySet());
        expectedKeys.add("");
        expectedKeys.add("global_step");
        assertEquals(expectedKeys.stream().sorted().toList(), List.copyOf(table.keySet()),
                "every key, in bytewise order, the header's empty key first");

        try (TfCheckpoint checkpoint = TfCheckpoint.open(index)) {
            assertEquals(values.size() + 1, checkpoint.tensors().size());
            for (String name : values.keySet()) {
                TfTensorEntry entry = checkpoint.tensors().get(name);
                assertEquals(new Shape(shapes.get(name)), entry.shape(), name);
                assertEquals(TfTensorEntry.DT_FLOAT, entry.dtype(), name);
                assertArrayEquals(values.get(name), checkpoint.readFloats(name), name);
            }
            TfTensorEntry step = checkpoint.tensors().get("global_step");
            assertEquals(new Shape(), step.shape());
            TfFormatException notFloat = assertThrows(TfFormatException.class,
                    () -> checkpoint.readFloats("global_step"));
            assertTrue(notFloat.getMessage().contains("'global_step' is DT_INT64, not DT_FLOAT"),
                    notFloat.getMessage());
        }
    }

    @Test
    void aCorruptTensorFailsItsChecksumNamingItWhileOthersStillRead() throws IOException {
        Path index = files.write(temp, "variables");
        String victim = "bert/encoder/layer_1/intermediate/dense/kernel";
        long offset;
        try (TfCheckpoint checkpoint = TfCheckpoint.open(index)) {
            offset = checkpoint.tensors().get(victim).offset();
        }
        Path data = temp.resolve(TfCheckpoint.dataFileName("variables", 0, 1));
        byte[] bytes = Files.readAllBytes(data);
        bytes[(int) offset + 5] ^= 0x10;
        Files.write(data, bytes);

        try (TfCheckpoint checkpoint = TfCheckpoint.open(index)) {
            TfFormatException error = assertThrows(TfFormatException.class, () -> checkpoint.readFloats(victim));
            assertTrue(error.getMessage().contains("tensor '" + victim + "'"), error.getMessage());
            assertTrue(error.getMessage().contains("crc32c mismatch"), error.getMessage());
            assertTrue(error.getMessage().startsWith(data.toString()), error.getMessage());
            String neighbour = "bert/encoder/layer_1/attention/self/query/kernel";
            assertArrayEquals(values.get(neighbour), checkpoint.readFloats(neighbour));
        }
    }

    @Test
    void aCorruptIndexBlockIsRefusedWithItsOffset() throws IOException {
        Path index = files.write(temp, "variables");
        byte[] table = Files.readAllBytes(index);
        table[10] ^= 0x01;
        TfFormatException error = assertThrows(TfFormatException.class,
                () -> SsTable.read(table, "variables.index"));
        assertTrue(error.getMessage().startsWith("variables.index: data block at offset 0: block checksum mismatch"),
                error.getMessage());
    }

    @Test
    void refusesAFileThatIsNotATable() throws IOException {
        Path index = files.write(temp, "variables");
        byte[] table = Files.readAllBytes(index);
        table[table.length - 1] = 0;
        TfFormatException badMagic = assertThrows(TfFormatException.class, () -> SsTable.read(table, "x.index"));
        assertTrue(badMagic.getMessage().contains("bad table magic"), badMagic.getMessage());

        TfFormatException tooShort = assertThrows(TfFormatException.class,
                () -> SsTable.read(new byte[12], "y.index"));
        assertTrue(tooShort.getMessage().startsWith("y.index: 12 bytes"), tooShort.getMessage());
    }

    @Test
    void aMissingDataFileIsNamed() throws IOException {
        Path index = files.write(temp, "variables");
        Path data = temp.resolve("variables.data-00000-of-00001");
        Files.delete(data);
        TfFormatException error = assertThrows(TfFormatException.class, () -> TfCheckpoint.open(index));
        assertTrue(error.getMessage().contains("data file " + data + " is missing"), error.getMessage());
    }

    @Test
    void masksChecksumsAsLevelDbDoes() {
        int crc = 0x12345678;
        assertEquals(crc, MaskedCrc32c.unmask(MaskedCrc32c.mask(crc)));
        // LevelDB's crc32c_test: Mask(crc) differs from crc, and masking twice differs again.
        assertTrue(MaskedCrc32c.mask(crc) != crc && MaskedCrc32c.mask(MaskedCrc32c.mask(crc)) != crc);
        // CRC-32C check value of "123456789" (RFC 3720).
        byte[] digits = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(0xe3069283, MaskedCrc32c.of(digits, 0, digits.length));
    }
}
