package dev.enclave.model;

import dev.enclave.util.Hashing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;

import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class HfModelFolderTest {

    private static final String CONFIG = "{\"model_type\":\"bert\",\"vocab_size\":100,\"hidden_size\":8,"
            + "\"num_hidden_layers\":1,\"num_attention_heads\":2,\"intermediate_size\":16,"
            + "\"max_position_embeddings\":32,\"layer_norm_eps\":1e-7,\"hidden_act\":\"gelu\"}";

    @TempDir
    Path temp;

    @Test
    void openingNamesEveryMissingFile() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        IOException error = assertThrows(IOException.class, () -> HfModelFolder.open(empty));
        assertTrue(error.getMessage().contains("config.json") && error.getMessage().contains("tokenizer.json")
                && error.getMessage().contains("model.safetensors"), error.getMessage());
        assertThrows(IOException.class, () -> HfModelFolder.open(temp.resolve("absent")));
    }

    @Test
    void readsConfigWithDefaultsAndFingerprintsWeights() throws IOException {
        Path dir = folder("m", CONFIG);
        HfModelFolder folder = HfModelFolder.open(dir);
        BertConfig config = BertConfig.read(folder);
        assertEquals(new BertConfig(100, 8, 1, 2, 16, 32, 2, 1e-7, "gelu", 0.1, 0.1, 0), config);
        assertEquals(4, config.headSize());

        List<WeightFile> files = folder.weightFiles();
        assertEquals(1, files.size());
        assertEquals("model.safetensors", files.get(0).fileName());
        assertEquals(Hashing.sha256Hex(dir.resolve("model.safetensors")), files.get(0).sha256());
        assertEquals(Files.size(dir.resolve("model.safetensors")), files.get(0).sizeBytes());
        assertEquals(dir.resolve("tokenizer.json"), folder.tokenizerFile());
    }

    @Test
    void configErrorsNameTheFileAndField() throws IOException {
        HfModelFolder missingField = HfModelFolder.open(folder("a", CONFIG.replace("\"hidden_size\":8,", "")));
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> BertConfig.read(missingField));
        assertTrue(error.getMessage().contains("config.json") && error.getMessage().contains("'hidden_size'"),
                error.getMessage());

        HfModelFolder badHeads = HfModelFolder.open(folder("b", CONFIG.replace("\"num_attention_heads\":2",
                "\"num_attention_heads\":3")));
        assertThrows(IllegalArgumentException.class, () -> BertConfig.read(badHeads));

        HfModelFolder approximateGelu = HfModelFolder.open(folder("c", CONFIG.replace("\"gelu\"", "\"gelu_new\"")));
        IllegalArgumentException act =
                assertThrows(IllegalArgumentException.class, () -> BertConfig.read(approximateGelu));
        assertTrue(act.getMessage().contains("gelu_new"), act.getMessage());

        IOException notJson = assertThrows(IOException.class, () -> HfModelFolder.open(folder("d", "{oops")));
        assertTrue(notJson.getMessage().contains("config.json"), notJson.getMessage());
    }

    @Test
    void licenceComesFromReadmeFrontMatterOrLicenseFile() throws IOException {
        Path withReadme = folder("r", CONFIG);
        Files.writeString(withReadme.resolve("README.md"), "---\nlanguage: en\nlicense: MIT\n---\n# Model\n");
        ModelLicense fromReadme = HfModelFolder.open(withReadme).license();
        assertEquals("mit", fromReadme.id());
        assertEquals(Optional.empty(), fromReadme.file());

        Path withFile = folder("f", CONFIG);
        Files.writeString(withFile.resolve("LICENSE.txt"), "\n   Apache License\n   Version 2.0, January 2004\n");
        ModelLicense fromFile = HfModelFolder.open(withFile).license();
        assertEquals("apache-2.0", fromFile.id());
        assertEquals(Optional.of(withFile.resolve("LICENSE.txt")), fromFile.file());

        Path withNothing = folder("n", CONFIG);
        Files.writeString(withNothing.resolve("README.md"), "# No front matter\nlicense: not-this\n");
        assertFalse(HfModelFolder.open(withNothing).license().isKnown());
    }

    private Path folder(String name, String config) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("config.json"), config);
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        SafetensorsWriter.builder().build().write(dir.resolve("model.safetensors"),
                Map.of("x", WritableTensor.of(new float[] {1, 2}, new Shape(2))));
        return dir;
    }
}
