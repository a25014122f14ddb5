package dev.enclave.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

@ExtendWith(DjlOffline.class)
class TextEncoderTest {

    private static final long CLS = 101;
    private static final long SEP = 102;

    @TempDir
    static Path temp;

    private static Path tokenizerFile;

    @BeforeAll
    static void writeTokenizer() throws IOException {
        tokenizerFile = Files.write(temp.resolve("tokenizer.json"),
                MiniLmFixture.resource("all-minilm-l6-v2-tokenizer.json"));
    }

    @Test
    void encodesWithSpecialTokensAndWithoutPadding() throws IOException {
        try (TextEncoder encoder = TextEncoder.open(tokenizerFile, 128)) {
            EncodedText text = encoder.encode("Hello world");
            assertEquals(4, text.length(), "no padding although tokenizer.json asks for 128");
            assertEquals(CLS, text.inputIds()[0]);
            assertEquals(SEP, text.inputIds()[3]);
            assertTrue(Arrays.stream(text.attentionMask()).allMatch(v -> v == 1));
            assertTrue(Arrays.stream(text.tokenTypeIds()).allMatch(v -> v == 0));
            assertFalse(text.truncated());
        }
    }

    @Test
    void truncatesToMaxLengthKeepingSepAndCountsIt() throws IOException {
        String longText = "word ".repeat(40);
        try (TextEncoder encoder = TextEncoder.open(tokenizerFile, 16)) {
            List<EncodedText> texts = encoder.encodeAll(List.of("short text", longText, "another short one"));
            assertEquals(3, texts.size());
            EncodedText cut = texts.get(1);
            assertEquals(16, cut.length());
            assertEquals(SEP, cut.inputIds()[15]);
            assertTrue(cut.truncated());
            assertFalse(texts.get(0).truncated());
            assertArrayEquals(encoder.encode("short text").inputIds(), texts.get(0).inputIds());
            assertEquals(4, encoder.encodedCount());
            assertEquals(1, encoder.truncatedCount());
        }
    }

    @Test
    void factorySurvivesSerializationAndOpensEncoders() throws Exception {
        TextEncoderFactory factory = new TextEncoderFactory(tokenizerFile.toString(), 32);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        TextEncoderFactory copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TextEncoderFactory) in.readObject();
        }
        assertEquals(factory, copy);
        try (TextEncoder first = factory.open(); TextEncoder second = copy.open()) {
            assertArrayEquals(first.encode("same words").inputIds(), second.encode("same words").inputIds());
            assertEquals(32, second.maxLength());
        }
    }

    @Test
    void missingTokenizerFileIsNamed() {
        Path missing = temp.resolve("absent/tokenizer.json");
        IOException error = assertThrows(IOException.class, () -> TextEncoder.open(missing, 8));
        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }
}
