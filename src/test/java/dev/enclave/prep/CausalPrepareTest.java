package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.run.RunContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prepare} on hostile JSON Lines for a causal-lm task: every bad line quarantined with its line and reason,
 * prompt/completion examples with a loss mask on the completion only, text truncated to fit, examples whose completion
 * cannot fit filtered; then the same notes packed into sequences.
 */
class CausalPrepareTest {
    @TempDir
    static Path dir;

    static final List<String> WORDS = List.of("note", "answer", "alpha", "beta", "gamma", "delta", "epsilon", "zeta",
            "eta", "theta", "iota", "kappa", "yes", "no", "much", "longer", "label", "that", "cannot", "fit");
    static final String LONG_LABEL = "a much longer label that cannot fit";
    static final int MAX_TOKENS = 12;

    /** Expected quarantine reason by line. */
    static final Map<Long, String> QUARANTINED = new TreeMap<>();
    static Path model;
    static Path run;
    static Path packedRun;
    static int good;

    @BeforeAll
    static void prepare() throws Exception {
        model = PrepFixtures.tinyModel(dir.resolve("model"), WORDS);
        Path input = dir.resolve("notes.jsonl");
        Files.write(input, hostileJsonl());
        String columns = "{id: id, group: patient, text: note, label: outcome}";
        String labels = "  labels: [\"yes\", \"no\", \"" + LONG_LABEL + "\"]\n  max_text_chars: 400";
        String task = "{type: causal-lm, max_tokens: " + MAX_TOKENS + ", prompt_template: \"Note: {text} Answer:\","
                + " completion_template: \" {label}\"}";
        run = PrepFixtures.prepare(dir, "causal", PrepFixtures.spec(dir, input, model, columns, task, "")
                .replace("  max_quarantined_fraction: 0.5", "  max_quarantined_fraction: 0.5\n" + labels));
        String packing = "{type: causal-lm, max_tokens: 16, packing: true}";
        packedRun = PrepFixtures.prepare(dir, "packed", PrepFixtures.spec(dir, input, model,
                "{id: id, group: patient, text: note}", packing, ""));
    }

    /** 40 good lines (texts of 2 to 13 words, four with the long label) with one bad line per JSON reason. */
    static byte[] hostileJsonl() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> greek = WORDS.subList(2, 12);
        long line = 1;
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 40; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w <= i % 12; w++) {
                text.append(w == 0 ? "" : " ").append(greek.get(random.nextInt(greek.size())));
            }
            text.append(' ').append(i);
            String label = i % 10 == 9 ? LONG_LABEL : i % 2 == 0 ? "yes" : "no";
            write(out, "{\"id\": \"c" + i + "\", \"patient\": \"p" + (i % 8) + "\", \"note\": \"" + text
                    + "\", \"outcome\": \"" + label + "\"}\n");
            line++;
            good++;
            if (i % 4 == 1) {
                line = bad(out, line, i / 4);
            }
        }
        byte[] invalid = "{\"id\": \"u\", \"patient\": \"p1\", \"note\": \"caf\u00e9\", \"outcome\": \"yes\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(invalid, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        invalid[at + 1] = (byte) 0x28;
        out.writeBytes(invalid);
        QUARANTINED.put(line, "INVALID_UTF8");
        return out.toByteArray();
    }

    private static long bad(ByteArrayOutputStream out, long line, int which) {
        String[][] cases = {
            {"{\"id\": \"m1\", \"patient\": \"p1\", \"note\": \"alpha\"", "MALFORMED_JSON"},
            {"[\"id\", \"m2\"]", "NOT_A_JSON_OBJECT"},
            {"{\"id\": \"m3\", \"patient\": \"p1\", \"note\": {\"nested\": 1}, \"outcome\": \"yes\"}", "WRONG_FIELD_TYPE"},
            {"{\"patient\": \"p1\", \"note\": \"alpha\", \"outcome\": \"yes\"}", "MISSING_ID"},
            {"{\"id\": \"m5\", \"patient\": null, \"note\": \"alpha\", \"outcome\": \"yes\"}", "MISSING_GROUP"},
            {"{\"id\": \"m6\", \"patient\": \"p1\", \"note\": \"  \", \"outcome\": \"yes\"}", "EMPTY_TEXT"},
            {"{\"id\": \"c0\", \"patient\": \"p1\", \"note\": \"beta\", \"outcome\": \"yes\"}", "DUPLICATE_ID"},
            {"{\"id\": \"m8\", \"patient\": \"p1\", \"note\": \"alpha\"}", "MISSING_LABEL"},
            {"{\"id\": \"m9\", \"patient\": \"p1\", \"note\": \"alpha\", \"outcome\": \"maybe\"}", "UNKNOWN_LABEL"},
            {"{\"id\": \"m10\", \"patient\": \"p1\", \"note\": \"" + "x".repeat(500) + "\", \"outcome\": \"yes\"}",
                "FIELD_TOO_LONG"},
        };
        write(out, cases[which][0] + "\n");
        QUARANTINED.put(line, cases[which][1]);
        if (which == 2) {
            write(out, "   \n");
            return line + 2;
        }
        return line + 1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyBadLineIsQuarantinedWithItsLineAndReason() throws Exception {
        Map<Long, String> found = new TreeMap<>();
        for (JsonNode row : PrepFixtures.jsonLines(run.resolve("quarantine/quarantined.json"))) {
            found.put(row.path("line").asLong(), row.path("reason").asText());
            assertTrue(row.path("source").asText().endsWith("notes.jsonl"), row.toString());
            assertTrue(!row.path("message").asText().isBlank(), row.toString());
        }
        assertEquals(QUARANTINED, found);
        Set<QuarantineReason> jsonReasons = EnumSet.allOf(QuarantineReason.class);
        jsonReasons.removeAll(List.of(QuarantineReason.UNBALANCED_QUOTE, QuarantineReason.MALFORMED_CSV,
                QuarantineReason.WRONG_COLUMN_COUNT));
        Set<String> names = new HashSet<>(found.values());
        jsonReasons.forEach(reason -> assertTrue(names.contains(reason.name()), reason + " is not covered"));
    }

    @Test
    void stepsAddUpAndTooLongCompletionsAreFiltered() throws Exception {
        JsonNode prepare = PrepFixtures.manifestStage(run);
        PrepFixtures.assertStepsAddUp(prepare);
        assertEquals(good + QUARANTINED.size(), prepare.path("rows_in").asLong());
        JsonNode format = prepare.path("steps").get(5);
        assertEquals(4, format.path("filtered").path("TRUNCATED_COMPLETION").asLong(), "the four long labels");
        assertTrue(format.path("truncated").path("TRUNCATED_TEXT").asLong() > 5);
        List<JsonNode> filtered = PrepFixtures.jsonLines(run.resolve("prepare/filtered.json"));
        assertEquals(4, filtered.size());
        for (JsonNode row : filtered) {
            assertEquals("format", row.path("step").asText());
            assertEquals("TRUNCATED_COMPLETION", row.path("reason").asText());
            assertTrue(row.path("line").asLong() > 0);
        }
    }

    @Test
    void lossMaskCoversTheCompletionAndTheEndTokenOnly() {
        int rows = 0;
        int truncated = 0;
        for (List<Row> split : PrepFixtures.splits(run).values()) {
            for (Row row : split) {
                rows++;
                int[] ids = ints(row.getList(row.fieldIndex("input_ids")));
                int[] mask = ints(row.getList(row.fieldIndex("loss_mask")));
                int prompt = row.getInt(row.fieldIndex("prompt_tokens"));
                assertTrue(ids.length <= MAX_TOKENS);
                assertEquals(ids.length, row.getInt(row.fieldIndex("tokens")));
                assertEquals(PrepFixtures.BOS, ids[0]);
                assertEquals(PrepFixtures.EOS, ids[ids.length - 1]);
                assertEquals(prompt + 2, ids.length, "one label token, then the end token");
                for (int t = 0; t < ids.length; t++) {
                    assertEquals(t >= prompt ? 1 : 0, mask[t], "position " + t);
                }
                if (row.getBoolean(row.fieldIndex("truncated"))) {
                    truncated++;
                    assertEquals(MAX_TOKENS, ids.length, "text cut exactly to the limit");
                }
            }
        }
        assertEquals(good - 4, rows);
        assertTrue(truncated > 5);
    }

    @Test
    void packedSequencesHoldEveryExampleOnceWithinTheLimit() throws Exception {
        JsonNode prepare = PrepFixtures.manifestStage(packedRun);
        PrepFixtures.assertStepsAddUp(prepare);
        Set<String> seen = new HashSet<>();
        long sequences = 0;
        for (Map.Entry<String, List<Row>> split : PrepFixtures.splits(packedRun).entrySet()) {
            assertEquals(split.getValue().size(), prepare.path("splits").path(split.getKey()).path("sequences").asLong());
            for (Row row : split.getValue()) {
                sequences++;
                int[] ids = ints(row.getList(row.fieldIndex("input_ids")));
                int[] mask = ints(row.getList(row.fieldIndex("loss_mask")));
                int[] starts = ints(row.getList(row.fieldIndex("example_starts")));
                List<String> sources = row.getList(row.fieldIndex("source_ids"));
                assertTrue(ids.length <= 16);
                assertEquals(sources.size(), starts.length);
                for (int k = 0; k < starts.length; k++) {
                    assertEquals(PrepFixtures.BOS, ids[starts[k]], "each example starts with <s>");
                    assertEquals(0, mask[starts[k]]);
                    int end = k + 1 < starts.length ? starts[k + 1] : ids.length;
                    assertEquals(PrepFixtures.EOS, ids[end - 1], "each example ends with </s>");
                    assertTrue(seen.add(sources.get(k)), sources.get(k) + " packed twice");
                }
            }
        }
        assertEquals(prepare.path("rows_out").asLong(), seen.size());
        assertTrue(sequences < seen.size(), "packing put several examples in a sequence");
    }

    @Test
    void packingIsDeterministic() throws Exception {
        Path again = PrepFixtures.prepare(dir, "packed-again", Files.readString(dir.resolve("packed.yaml")));
        assertArrayEquals(Files.readAllBytes(packedRun.resolve("manifest.json")),
                Files.readAllBytes(again.resolve("manifest.json")));
    }

    @Test
    void theTrainerReadsExamplesAndPackedSequencesBack() throws Exception {
        try (RunContext opened = RunContext.open(run, Clock.systemUTC())) {
            List<PreparedSplits.CausalSequence> train = PreparedSplits.readCausal(opened, "train", "train");
            assertEquals(PrepFixtures.manifestStage(run).path("splits").path("train").path("rows").asLong(),
                    train.size());
            for (PreparedSplits.CausalSequence example : train) {
                assertEquals(example.inputIds().length, example.lossMask().length);
                assertArrayEquals(new int[] {0}, example.exampleStarts());
            }
        }
        try (RunContext opened = RunContext.open(packedRun, Clock.systemUTC())) {
            List<PreparedSplits.CausalSequence> train = PreparedSplits.readCausal(opened, "train", "train");
            assertEquals(PrepFixtures.manifestStage(packedRun).path("splits").path("train").path("sequences").asLong(),
                    train.size());
            train.forEach(sequence -> assertEquals(0, sequence.exampleStarts()[0]));
            assertTrue(train.stream().anyMatch(sequence -> sequence.exampleStarts().length > 1));
        }
    }

    static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
