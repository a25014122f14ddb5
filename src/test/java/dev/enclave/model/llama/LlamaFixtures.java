package dev.enclave.model.llama;

import dev.enclave.model.HfModelFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The checkpoints and reference outputs written by {@code fixtures/llama/make_fixtures.py}. */
final class LlamaFixtures {

    /** Every fixture folder name. */
    static final List<String> NAMES = List.of("llama-gqa", "llama-tied", "qwen2-bias", "mistral-bf16");

    private LlamaFixtures() {}

    static Path folder(String name) {
        try {
            return Path.of(LlamaFixtures.class.getResource("/fixtures/llama/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HfModelFolder open(String name) {
        try {
            return HfModelFolder.open(folder(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode reference(String name) {
        try {
            return new ObjectMapper().readTree(folder(name).resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reference sequence: its ids and logits [T][vocab]. */
    record Sequence(long[] ids, float[][] logits) {}

    static List<Sequence> sequences(String name) {
        List<Sequence> out = new ArrayList<>();
        for (JsonNode sequence : reference(name).get("sequences")) {
            long[] ids = longs(sequence.get("input_ids"));
            JsonNode rows = sequence.get("logits");
            float[][] logits = new float[rows.size()][];
            for (int t = 0; t < rows.size(); t++) {
                logits[t] = new float[rows.get(t).size()];
                for (int v = 0; v < logits[t].length; v++) {
                    logits[t][v] = (float) rows.get(t).get(v).doubleValue();
                }
            }
            out.add(new Sequence(ids, logits));
        }
        return out;
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).longValue();
        }
        return values;
    }
}
