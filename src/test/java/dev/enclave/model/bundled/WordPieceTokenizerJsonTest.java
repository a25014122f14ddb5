package dev.enclave.model.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** vocab.txt parsing and the special-token checks of the tokenizer.json builder. */
class WordPieceTokenizerJsonTest {

    private static List<String> parse(String text) {
        return WordPieceTokenizerJson.parseVocab(text.getBytes(StandardCharsets.UTF_8), "vocab.txt");
    }

    @Test
    void readsOneTokenPerLineWithOrWithoutAFinalNewline() {
        assertEquals(List.of("[PAD]", "a", "##b"), parse("[PAD]\na\n##b\n"));
        assertEquals(List.of("[PAD]", "a", "##b"), parse("[PAD]\r\na\r\n##b"));
    }

    @Test
    void namesTheLineOfAnEmptyOrRepeatedToken() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> parse("a\n\nb\n"));
        assertEquals("vocab.txt:2: empty token", empty.getMessage());
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class, () -> parse("a\nb\na\n"));
        assertEquals("vocab.txt:3: token repeats line 1", repeated.getMessage());
    }

    @Test
    void refusesAVocabularyWithoutTheSpecialTokens() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTokenizerJson.build(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "word"), true));
        assertTrue(error.getMessage().contains("[[MASK]]"), error.getMessage());
    }

    @Test
    void declaresSpecialTokensByTheirIds() {
        Map<String, Object> json = WordPieceTokenizerJson.build(
                List.of("[PAD]", "x", "[CLS]", "[SEP]", "[MASK]", "[UNK]"), false);
        List<?> added = (List<?>) json.get("added_tokens");
        assertEquals(List.of(0, 2, 3, 4, 5), added.stream().map(entry -> ((Map<?, ?>) entry).get("id")).toList());
        assertEquals(false, ((Map<?, ?>) json.get("normalizer")).get("lowercase"));
    }
}
