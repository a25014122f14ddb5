package dev.enclave.prep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.TextEncoder;
import dev.enclave.run.RunFiles;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The special tokens a causal example is framed with: the tokens the model's tokenizer itself puts before a text (a
 * Llama tokenizer's {@code <s>}, none for Qwen2), and the end-of-sequence token, taken from {@code task.eos_token},
 * else the model's {@code config.json} {@code eos_token_id}, else the single token the tokenizer puts after a text
 * (BERT's {@code [SEP]}).
 *
 * @param prefix token ids before the prompt
 * @param eos the end-of-sequence token id
 */
record SpecialTokens(int[] prefix, int eos) implements Serializable {

    static SpecialTokens of(Path modelDir, String eosToken) {
        Path tokenizerFile = modelDir.resolve(HfModelFolder.TOKENIZER_FILE);
        try (TextEncoder framed = TextEncoder.open(tokenizerFile, 64);
                PieceTokenizer plain = PieceTokenizer.open(tokenizerFile.toString())) {
            long[] with = framed.encode("a").inputIds();
            long[] without = plain.ids("a");
            int at = indexOf(with, without);
            if (at < 0) {
                throw EnclaveException.badInput(tokenizerFile + ": cannot tell which special tokens the tokenizer adds");
            }
            int[] prefix = Arrays.stream(Arrays.copyOfRange(with, 0, at)).mapToInt(Math::toIntExact).toArray();
            long[] suffix = Arrays.copyOfRange(with, at + without.length, with.length);
            return new SpecialTokens(prefix, eos(modelDir, eosToken, plain, suffix));
        } catch (IOException e) {
            throw EnclaveException.badInput("model.path: " + e.getMessage(), e);
        }
    }

    private static int eos(Path modelDir, String eosToken, PieceTokenizer plain, long[] suffix) throws IOException {
        if (eosToken != null) {
            long[] ids = plain.ids(eosToken);
            if (ids.length != 1) {
                throw EnclaveException.badInput("task.eos_token: '" + eosToken + "' is " + ids.length
                        + " tokens for this tokenizer, not one");
            }
            return Math.toIntExact(ids[0]);
        }
        Path config = modelDir.resolve(HfModelFolder.CONFIG_FILE);
        if (Files.isRegularFile(config)) {
            JsonNode id = RunFiles.JSON.readTree(config.toFile()).path("eos_token_id");
            if (id.isArray() && id.size() > 0) {
                id = id.get(0);
            }
            if (id.isIntegralNumber()) {
                return id.asInt();
            }
        }
        if (suffix.length == 1) {
            return Math.toIntExact(suffix[0]);
        }
        throw EnclaveException.badInput("task.eos_token: the model's config.json has no eos_token_id and its tokenizer"
                + " adds no single end token; set task.eos_token");
    }

    private static int indexOf(long[] haystack, long[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
