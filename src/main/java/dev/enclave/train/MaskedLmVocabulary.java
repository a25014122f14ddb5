package dev.enclave.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.MaskedLm;
import dev.enclave.run.RunFiles;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The tokens masked-LM masking needs from a model's {@code tokenizer.json}: the mask token (found as
 * {@link MaskedLm#maskTokenId} finds it) and the special tokens, which are never masked and never drawn as random
 * replacements.
 *
 * @param maskTokenId the mask token's id
 * @param specialIds ids of every special token in {@code added_tokens}, the mask token included
 * @param vocabSize the model's vocabulary size; random replacements are drawn below it
 */
public record MaskedLmVocabulary(int maskTokenId, Set<Integer> specialIds, int vocabSize) {

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
     * @throws EnclaveException (bad input) naming the file when it cannot be read or has no mask token
     */
    public static MaskedLmVocabulary of(HfModelFolder folder, int vocabSize) {
        try {
            JsonNode tokenizer = RunFiles.JSON.readTree(folder.tokenizerFile().toFile());
            Set<Integer> specials = new HashSet<>();
            for (JsonNode token : tokenizer.path("added_tokens")) {
                if (token.path("special").asBoolean(false)) {
                    specials.add(token.path("id").asInt());
                }
            }
            int mask = Math.toIntExact(MaskedLm.maskTokenId(folder.tokenizerFile()));
            specials.add(mask);
            return new MaskedLmVocabulary(mask, specials, vocabSize);
        } catch (IOException e) {
            throw EnclaveException.badInput(e.getMessage() + " (task masked-lm)", e);
        }
    }
}
