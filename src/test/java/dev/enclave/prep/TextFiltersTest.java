package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enclave.spec.FiltersSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFiltersTest {
    @TempDir
    Path dir;

    private static String reason(FiltersSpec spec, String text, PieceTokenizer tokenizer) {
        String[] mark = new TextFilters(spec, "unused").check(text, tokenizer);
        return mark == null ? null : mark[0];
    }

    @Test
    void eachRuleHasItsReasonAndTheFirstBrokenRuleWins() throws Exception {
        Path model = PrepFixtures.tinyModel(dir.resolve("m"), List.of("alpha", "beta"));
        FiltersSpec spec = new FiltersSpec(5, 40, 2, 4, 0.3, List.of("(?i)do not use", "\\bsecret\\b"));
        try (PieceTokenizer tokenizer = PieceTokenizer.open(model.resolve("tokenizer.json").toString())) {
            assertNull(reason(spec, "alpha beta gamma", tokenizer));
            assertEquals("TOO_FEW_CHARS", reason(spec, "abc", tokenizer));
            assertEquals("TOO_MANY_CHARS", reason(spec, "x".repeat(41), tokenizer));
            assertEquals("TOO_FEW_TOKENS", reason(spec, "alphabeta", tokenizer));
            assertEquals("TOO_MANY_TOKENS", reason(spec, "a b c d e f", tokenizer));
            assertEquals("TOO_MUCH_NON_ALNUM", reason(spec, "a1 -- ** ##", tokenizer));
            assertEquals("EXCLUDED_PATTERN", reason(spec, "Do Not Use it", tokenizer));
            assertEquals("EXCLUDED_PATTERN", reason(spec, "a secret one", tokenizer));
            assertEquals("TOO_FEW_CHARS", reason(spec, "!!", tokenizer), "characters are checked first");
        }
    }

    @Test
    void charactersAreCodePointsAndTheNonAlnumShareIgnoresSpaces() {
        FiltersSpec spec = new FiltersSpec(null, 3, null, null, null, null);
        assertNull(reason(spec, "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", null), "three emoji are three characters");
        assertEquals(2.0 / 6, TextFilters.nonAlnumShare("a b - !  c d"), 1e-12);
        assertEquals(0, TextFilters.nonAlnumShare("   "));
    }
}
