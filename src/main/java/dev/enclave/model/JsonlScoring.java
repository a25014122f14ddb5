package dev.enclave.model;

import dev.enclave.EnclaveException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a JSONL file of texts with a {@link TextScorer} (causal or masked LM), streaming: reads lines {@code {"id": ..., "text": "..."}}
 * ({@code id} optional), scores them in batches, writes one line per text with its line number, id, token count,
 * summed score (named by {@link TextScorer#measure()}) and per-token log-probabilities, and whether it was truncated. The output never repeats the text. Errors
 * name the file and line, never the content.
 */
public final class JsonlScoring {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a scoring run did.
     *
     * @param texts texts scored
     * @param tokens tokens seen, special tokens included
     * @param truncated texts cut to the model's maximum length
     */
    public record Summary(long texts, long tokens, long truncated) {}

    private record Pending(long line, JsonNode id, String text) {}

    private JsonlScoring() {}

    /**
     * Scores every non-blank line of the input.
     *
     * @param model the language model
     * @param input JSONL lines with a string field {@code text}
     * @param output the JSONL file to write (replaced)
     * @param batchSize texts per forward pass
     * @return counts
     * @throws EnclaveException (bad input) naming the file and line of a malformed record, or a file that cannot be
     *     read or written
     */
    public static Summary run(TextScorer model, Path input, Path output, int batchSize) {
        if (batchSize < 1) {
            throw EnclaveException.badInput("batch size must be at least 1, got " + batchSize);
        }
        long texts = 0;
        long tokens = 0;
        long truncated = 0;
        long line = 0;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            List<Pending> pending = new ArrayList<>();
            String raw;
            while (true) {
                try {
                    raw = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw EnclaveException.badInput(input + ":" + (line + 1) + ": not valid UTF-8", e);
                }
                if (raw != null) {
                    line++;
                    if (!raw.isBlank()) {
                        pending.add(parse(input, line, raw));
                    }
                }
                if (pending.size() == batchSize || raw == null && !pending.isEmpty()) {
                    List<ScoredText> scores = model.scoreTexts(pending.stream().map(Pending::text).toList());
                    for (int i = 0; i < scores.size(); i++) {
                        ScoredText score = scores.get(i);
                        writer.write(JSON.writeValueAsString(record(pending.get(i), score, model.measure())));
                        writer.write('\n');
                        tokens += score.tokenCount();
                        truncated += score.truncated() ? 1 : 0;
                    }
                    texts += scores.size();
                    pending.clear();
                }
                if (raw == null) {
                    break;
                }
            }
        } catch (IOException e) {
            throw EnclaveException.badInput(input + " -> " + output + ": " + e.getClass().getSimpleName()
                    + " while scoring (after line " + line + ")", e);
        }
        return new Summary(texts, tokens, truncated);
    }

    private static Pending parse(Path file, long line, String raw) {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw EnclaveException.badInput(file + ":" + line + ": not valid JSON (column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw EnclaveException.badInput(file + ":" + line + ": not a JSON object");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw EnclaveException.badInput(file + ":" + line + ": field 'text' must be a string");
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isTextual() && !id.isIntegralNumber()) {
            throw EnclaveException.badInput(file + ":" + line + ": field 'id' must be a string or an integer");
        }
        return new Pending(line, id, text.textValue());
    }

    private static ObjectNode record(Pending pending, ScoredText score, String measure) {
        ObjectNode out = JSON.createObjectNode();
        out.put("line", pending.line());
        if (pending.id() != null) {
            out.set("id", pending.id());
        }
        out.put("token_count", score.tokenCount());
        out.put(measure, score.sum());
        ArrayNode values = out.putArray("token_logprobs");
        for (float value : score.tokenLogProbs()) {
            values.add(value);
        }
        out.put("truncated", score.truncated());
        return out;
    }
}
