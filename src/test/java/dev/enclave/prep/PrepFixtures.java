package dev.enclave.prep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enclave.residency.DjlNetworkSettings;
import dev.enclave.run.RunContext;
import dev.enclave.run.RunFiles;
import dev.enclave.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Small model folders, specs and runs for preparation tests; no model import, no network. */
final class PrepFixtures {
    /** Token ids of the tiny tokenizer's special tokens. */
    static final int PAD = 0;
    static final int BOS = 1;
    static final int EOS = 2;
    static final int UNK = 3;

    private PrepFixtures() {}

    /**
     * A Llama-style model folder with a word-level tokenizer: lower-cases, splits on whitespace and punctuation, puts
     * {@code <s>} before a text; {@code config.json} names {@code </s>} as the end token. {@code words} get ids from 4.
     */
    static Path tinyModel(Path dir, List<String> words) throws IOException {
        Files.createDirectories(dir);
        ObjectNode tokenizer = RunFiles.JSON.createObjectNode();
        tokenizer.put("version", "1.0");
        tokenizer.putNull("truncation");
        tokenizer.putNull("padding");
        ArrayNode added = tokenizer.putArray("added_tokens");
        String[] specials = {"<pad>", "<s>", "</s>", "[UNK]"};
        for (int i = 0; i < specials.length; i++) {
            ObjectNode token = added.addObject();
            token.put("id", i).put("content", specials[i]).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
        }
        tokenizer.putObject("normalizer").put("type", "Lowercase");
        tokenizer.putObject("pre_tokenizer").put("type", "Whitespace");
        ObjectNode post = tokenizer.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        ObjectNode bos = post.putObject("special_tokens").putObject("<s>");
        bos.put("id", "<s>");
        bos.putArray("ids").add(BOS);
        bos.putArray("tokens").add("<s>");
        tokenizer.putNull("decoder");
        ObjectNode model = tokenizer.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < specials.length; i++) {
            vocab.put(specials[i], i);
        }
        int next = specials.length;
        for (String word : new java.util.TreeSet<>(words)) {
            vocab.put(word, next++);
        }
        model.put("unk_token", "[UNK]");
        Files.writeString(dir.resolve("tokenizer.json"), RunFiles.JSON.writeValueAsString(tokenizer));
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"llama\", \"bos_token_id\": 1, "
                + "\"eos_token_id\": 2, \"pad_token_id\": 0, \"vocab_size\": " + next + "}\n");
        return dir;
    }

    /** A spec over {@code input} and {@code model} inside {@code dir}; {@code extra} is appended as top-level YAML. */
    static String spec(Path dir, Path input, Path model, String columns, String task, String extra) {
        return """
                version: 1
                name: prep-test
                seed: 11
                residency:
                  allowed_roots: [%1$s]
                data:
                  path: %2$s
                  columns: %3$s
                  max_quarantined_fraction: 0.5
                model:
                  path: %4$s
                task: %5$s
                %6$s
                """.formatted(dir.toAbsolutePath(), input.toAbsolutePath(), columns, model.toAbsolutePath(), task,
                extra);
    }

    /**
     * Runs only the prepare stage on a new run folder {@code dir/runs/<name>}, with DJL kept offline as the CLI keeps
     * it; returns the folder.
     */
    static Path prepare(Path dir, String name, String specYaml) throws IOException {
        DjlNetworkSettings.enforce();
        Path specFile = Files.writeString(dir.resolve(name + ".yaml"), specYaml);
        Path runDir = dir.resolve("runs").resolve(name);
        try (RunContext run = RunContext.create(SpecLoader.load(specFile), dir.toAbsolutePath(), runDir,
                Clock.systemUTC())) {
            new PrepareStage().run(run);
            run.writeManifest(PrepareStage.NAME);
        }
        return runDir;
    }

    static JsonNode manifestStage(Path runDir) throws IOException {
        return RunFiles.JSON.readTree(runDir.resolve("manifest.json").toFile()).path("stages").path("prepare");
    }

    /** The lines of a JSON Lines file as objects. */
    static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(RunFiles.JSON.readTree(line));
            }
        }
        return nodes;
    }

    /** Every prepared split's rows by split name, read with a short-lived local session. */
    static Map<String, List<Row>> splits(Path runDir) {
        SparkSession spark = localSpark();
        try {
            Map<String, List<Row>> rows = new TreeMap<>();
            for (String split : GroupSplitter.SPLITS) {
                rows.put(split, spark.read().parquet(runDir.resolve("prepared/" + split + ".parquet").toString())
                        .collectAsList());
            }
            return rows;
        } finally {
            spark.stop();
        }
    }

    static SparkSession localSpark() {
        return SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    /** Checks rows_in = rows_out + quarantined + filtered at every step, and that each step takes the last one's out. */
    static void assertStepsAddUp(JsonNode prepare) {
        long previousOut = -1;
        List<String> names = new ArrayList<>();
        for (JsonNode step : prepare.path("steps")) {
            names.add(step.path("step").asText());
            long in = step.path("rows_in").asLong();
            long out = step.path("rows_out").asLong();
            long lost = sum(step.path("quarantined")) + sum(step.path("filtered"));
            org.junit.jupiter.api.Assertions.assertEquals(in, out + lost, "step " + step.path("step").asText());
            if (previousOut >= 0) {
                org.junit.jupiter.api.Assertions.assertEquals(previousOut, in, "step " + step.path("step").asText());
            }
            previousOut = out;
        }
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("ingest", "deidentify", "dedup", "filter", "split", "format"), names);
        org.junit.jupiter.api.Assertions.assertEquals(prepare.path("rows_out").asLong(), previousOut);
    }

    static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode n : counts) {
            total += n.asLong();
        }
        return total;
    }
}
