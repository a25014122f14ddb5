package dev.enclave.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enclave.cli.EnclaveCommand;
import dev.enclave.model.DjlOffline;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.TextEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code enclave score} on a masked LM: pseudo-log-likelihood per text, per-token values, no text in the output. */
@ExtendWith(DjlOffline.class)
class MaskedLmScoringTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The tiny masked LM with its last word turned into the tokenizer's [MASK] token. */
    private Path maskedLm() throws IOException {
        Path folder = TinyBert.writeMaskedLm(dir.resolve("mlm"));
        String last = TinyBert.WORDS.get(TinyBert.WORDS.size() - 1);
        int maskId = 3 + TinyBert.WORDS.size();
        String tokenizer = Files.readString(folder.resolve("tokenizer.json"))
                .replace("\"" + last + "\":" + maskId, "\"[MASK]\":" + maskId)
                .replace("\"added_tokens\":[", "\"added_tokens\":[{\"id\":" + maskId + ",\"content\":\"[MASK]\","
                        + "\"single_word\":false,\"lstrip\":false,\"rstrip\":false,\"normalized\":false,"
                        + "\"special\":true},");
        Files.writeString(folder.resolve("tokenizer.json"), tokenizer);
        return folder;
    }

    @Test
    void scoresEachTextByPseudoLogLikelihood() throws IOException {
        Path model = maskedLm();
        assertEquals(3 + TinyBert.WORDS.size(), MaskedLm.maskTokenId(model.resolve("tokenizer.json")));
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"id\": \"a\", \"text\": \"the food was very good\"}\n{\"id\": \"b\", \"text\": \"bad\"}\n");
        Path output = dir.resolve("scores.jsonl");
        assertEquals(0, EnclaveCommand.execute("score", "--model", model.toString(), "--input", input.toString(),
                "--output", output.toString(), "--allowed-root", dir.toString()));

        List<String> lines = Files.readAllLines(output);
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(7, first.get("token_count").asInt(), "[CLS] five words [SEP]");
        assertEquals(5, first.get("token_logprobs").size(), "every token but [CLS] and [SEP]");
        double sum = 0;
        for (JsonNode value : first.get("token_logprobs")) {
            assertTrue(value.asDouble() < 0);
            sum += value.asDouble();
        }
        assertEquals(sum, first.get("pseudo_log_likelihood").asDouble(), 1e-4);
        assertFalse(lines.get(0).contains("food"), "no text in the output");

        HfModelFolder folder = HfModelFolder.open(model);
        try (NDManager manager = NDManager.newBaseManager();
                TextEncoder encoder = TextEncoder.open(folder.tokenizerFile(), 16)) {
            BertMaskedLm direct = new BertMaskedLm(TinyBert.CONFIG);
            direct.loadWeights(folder, manager);
            EncodedText text = encoder.encode("the food was very good");
            PseudoLogLikelihood.Score expected = PseudoLogLikelihood.score(direct, new ParameterStore(manager, false),
                    manager, text, 3 + TinyBert.WORDS.size(), 1);
            assertEquals(expected.logLikelihood(), first.get("pseudo_log_likelihood").asDouble(), 1e-4,
                    "one masked copy per pass gives the same score");
        }
        assertEquals(1, JSON.readTree(lines.get(1)).get("token_logprobs").size());
    }

    @Test
    void aTokenizerWithoutAMaskTokenIsNamed() throws IOException {
        Path model = TinyBert.writeMaskedLm(dir.resolve("plain"));
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"good\"}\n");
        assertEquals(2, EnclaveCommand.execute("score", "--model", model.toString(), "--input", input.toString(),
                "--output", dir.resolve("out.jsonl").toString(), "--allowed-root", dir.toString()));
        IOException error = assertThrows(IOException.class,
                () -> MaskedLm.maskTokenId(model.resolve("tokenizer.json")));
        assertTrue(error.getMessage().contains("no mask token ([MASK] or <mask>)"), error.getMessage());
    }
}
