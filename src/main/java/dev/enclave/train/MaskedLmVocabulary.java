package dev.enclave.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.run.RunFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tokens masked-LM masking needs from a model's {@code tokenizer.json}: the mask token ({@code [MASK]} or
 * {@code <mask>}) and the special tokens, which are never masked and never drawn as random replacements.
 *
 * @param maskTokenId the mask token's id
 * @param specialIds ids of every special token in {@code added_tokens}, the mask token included
 * @param vocabSize the model's vocabulary size; random replacements are drawn below it
 */
public record MaskedLmVocabulary(int maskTokenId, Set<Integer> specialIds, int vocabSize) {
    /** Mask token spellings, in the order they are looked for. */
    public static final List<String> MASK_TOKENS = List.of("[MASK]", "<mask>");

    public MaskedLmVocabulary {
        specialIds = Set.copyOf(specialIds);
        if (maskTokenId < 0 || maskTokenId >= vocabSize) {
            throw new IllegalArgumentException("mask token id " + maskTokenId + " outside the vocabulary of "
                    + vocabSize);
        }
        if (specialIds.size() >= vocabSize) {
            throw new IllegalArgumentException("every token of the vocabulary is special");
        }
    }

    /**
     * Reads the tokens from the folder's {@code tokenizer.json}.
     *
     * @throws EnclaveException (bad input) naming the file when it has no mask token
     */
    public static MaskedLmVocabulary of(HfModelFolder folder, int vocabSize) {
        JsonNode tokenizer;
        try {
            tokenizer = RunFiles.JSON.readTree(folder.tokenizerFile().toFile());
        } catch (IOException e) {
            throw EnclaveException.badInput(folder.tokenizerFile() + ": " + e.getMessage(), e);
        }
        List<Integer> specials = new ArrayList<>();
        Integer mask = null;
        for (JsonNode token : tokenizer.path("added_tokens")) {
            String content = token.path("content").asText();
            if (token.path("special").asBoolean(false)) {
                specials.add(token.path("id").asInt());
            }
            if (mask == null && MASK_TOKENS.contains(content)) {
                mask = token.path("id").asInt();
            }
        }
        if (mask == null) {
            throw EnclaveException.badInput(folder.tokenizerFile() + ": no mask token (" + String.join(" or ",
                    MASK_TOKENS) + ") in added_tokens; task masked-lm needs one");
        }
        specials.add(mask);
        return new MaskedLmVocabulary(mask, Set.copyOf(specials), vocabSize);
    }
}
