package dev.enclave.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.cli.EnclaveCommand;
import dev.enclave.run.RunFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enclave prepare} on hostile input: every bad row quarantined with its line and reason, nothing lost. */
class PrepareTest {
    @TempDir
    static Path dir;

    private static final String HEADER = "note_id,patient_id,note_type,specialty,text\n";

    /** Good rows mixed with one row per quarantine reason; the expected reason by starting line. */
    private static final Map<Long, String> EXPECTED = new HashMap<>();
    /** The 60 good rows and x1, the near duplicate that stays. */
    private static final int GOOD = 61;
    /** Usable rows that dedup or a filter takes out; the expected reason by starting line. */
    private static final Map<Long, String> FILTERED = new HashMap<>();
    private static final String[] SEVERITY = {"mild", "sharp", "dull", "burning", "throbbing", "intermittent"};
    private static final String[] SITE = {"knee", "shoulder", "wrist", "ankle", "hip", "elbow", "neck", "jaw", "heel",
        "thumb"};
    /** A long text, so that changing its last word keeps it a near duplicate (Jaccard 37/39 on 3-word shingles). */
    private static final String LONG = "rest ice and gentle range of motion work daily then slowly return to light"
            + " sport after the swelling settles with a brace worn for support during longer walks plus stretching"
            + " before any run keeping a pain diary each evening until review";

    static Path hostileCsv() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        long line = 2;
        int good = 0;
        String[] labels = {"cardiology", "oncology", "neurology"};
        for (int i = 0; i < 60; i++) {
            String text = "\"Patient seen on 03/14/2024 by Dr. Alvarez, complains of \"\"" + SEVERITY[i % 6]
                    + " pain\"\" in the " + SITE[i / 6] + ".\nFollow up in " + (i % 7 + 1) + " weeks.\"";
            csv.append("n").append(i).append(",p").append(i % 20).append(",nursing,").append(labels[i % 3])
                    .append(',').append(text).append('\n');
            line += 2;
            good++;
            if (i % 10 == 5) {
                line = bad(csv, line, i);
            }
        }
        assertEquals(60, good);
        line = filtered(csv, line);
        Path file = dir.resolve("hostile.csv");
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        // An invalid UTF-8 row at the very end.
        byte[] invalid = "bad9,p1,nursing,oncology,caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        invalid[invalid.length - 3] = (byte) 0xC3;
        invalid[invalid.length - 2] = (byte) 0x28;
        EXPECTED.put(line, "INVALID_UTF8");
        byte[] all = new byte[bytes.length + invalid.length];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        System.arraycopy(invalid, 0, all, bytes.length, invalid.length);
        return Files.write(file, all);
    }

    private static long bad(StringBuilder csv, long line, int i) {
        switch (i / 10) {
            case 0 -> {
                csv.append("b0,p1,nursing,cardiology,\"text with a \"stray\" quote\"\n");
                EXPECTED.put(line, "MALFORMED_CSV");
            }
            case 1 -> {
                csv.append("b1,p1,nursing,cardiology,too,many,fields\n");
                EXPECTED.put(line, "WRONG_COLUMN_COUNT");
            }
            case 2 -> {
                csv.append("b2,p1,nursing,cardiology,\"   \"\n");
                EXPECTED.put(line, "EMPTY_TEXT");
                csv.append(",p1,nursing,cardiology,no id\n");
                EXPECTED.put(line + 1, "MISSING_ID");
                csv.append("b3,,nursing,cardiology,no group\n");
                EXPECTED.put(line + 2, "MISSING_GROUP");
                return line + 3;
            }
            case 3 -> {
                csv.append("n1,p9,nursing,cardiology,a second row with the id n1\n");
                EXPECTED.put(line, "DUPLICATE_ID");
                csv.append("b4,p1,nursing,astrology,unknown label\n");
                EXPECTED.put(line + 1, "UNKNOWN_LABEL");
                csv.append("b7,p1,nursing,,no label\n");
                EXPECTED.put(line + 2, "MISSING_LABEL");
                return line + 3;
            }
            case 4 -> {
                csv.append("b5,p1,nursing,cardiology,").append("x".repeat(600)).append('\n');
                EXPECTED.put(line, "FIELD_TOO_LONG");
            }
            default -> {
                csv.append("b6,p1,nursing,cardiology,\"this quote never closes\n");
                EXPECTED.put(line, "UNBALANCED_QUOTE");
            }
        }
        return line + 1;
    }

    /** Rows that pass ingest but not dedup or the filters (the first spans two lines). */
    private static long filtered(StringBuilder csv, long line) {
        csv.append("x0,p3,nursing,oncology,\"Patient seen on 03/15/2024 by Dr. Chen, complains of \"\"mild pain\"\" in the"
                + " knee.\nFollow up in 1 weeks.\"\n");
        FILTERED.put(line, "EXACT_DUPLICATE");
        csv.append("x1,p4,nursing,oncology,").append(LONG).append('\n');
        csv.append("x2,p5,nursing,oncology,").append(LONG, 0, LONG.lastIndexOf(' ')).append(" again\n");
        FILTERED.put(line + 3, "NEAR_DUPLICATE");
        csv.append("x3,p6,nursing,oncology,short\n");
        FILTERED.put(line + 4, "TOO_FEW_CHARS");
        csv.append("x4,p7,nursing,oncology,test record: DO NOT USE for training\n");
        FILTERED.put(line + 5, "EXCLUDED_PATTERN");
        return line + 6;
    }

    static Path run;

    @BeforeAll
    static void prepare() throws Exception {
        Path csv = hostileCsv();
        String spec = Files.readString(TestSlices.spec(dir, csv, ""))
                .replace("  max_quarantined_fraction: 0.2", "  max_quarantined_fraction: 0.5\n  max_text_chars: 500")
                .replace("  labels: [cardiology, oncology, neurology, orthopedics, gastroenterology, pulmonology, endocrinology]",
                        "  labels: [cardiology, oncology, neurology]")
                + "filters: {min_chars: 10, exclude_patterns: [\"(?i)do not use\"]}\n";
        Path specFile = Files.writeString(dir.resolve("hostile.yaml"), spec);
        run = dir.resolve("runs/hostile");
        assertEquals(0, EnclaveCommand.execute("prepare", specFile.toString(), "--run-dir", run.toString()));
    }

    @Test
    void eachBadRowIsQuarantinedWithItsLineAndReason() throws Exception {
        Map<Long, String> found = new HashMap<>();
        for (String line : Files.readAllLines(run.resolve("quarantine/quarantined.json"))) {
            JsonNode row = RunFiles.JSON.readTree(line);
            found.put(row.path("line").asLong(), row.path("reason").asText());
            assertTrue(row.path("source").asText().endsWith("hostile.csv"), row.toString());
            assertTrue(!row.path("message").asText().isBlank(), row.toString());
        }
        assertEquals(EXPECTED, found);
    }

    @Test
    void eachFilteredRowIsListedWithItsLineStepAndReason() throws Exception {
        Map<Long, String> found = new HashMap<>();
        for (String line : Files.readAllLines(run.resolve("prepare/filtered.json"))) {
            JsonNode row = RunFiles.JSON.readTree(line);
            found.put(row.path("line").asLong(), row.path("reason").asText());
            assertTrue(!row.has("text") && !row.has("raw"), "no text in the filtered list");
        }
        assertEquals(FILTERED, found);
        JsonNode clusters = RunFiles.JSON.readTree(run.resolve("prepare/duplicate-clusters.json").toFile());
        assertEquals("n0", clusters.path("exact").get(0).path("kept").asText());
        assertEquals("x0", clusters.path("exact").get(0).path("removed").get(0).asText());
        assertEquals("x1", clusters.path("near").get(0).path("kept").asText());
        assertEquals("x2", clusters.path("near").get(0).path("removed").get(0).asText());
        assertTrue(!Files.readString(run.resolve("prepare/duplicate-clusters.json")).contains("rest ice"));
    }

    @Test
    void rowsInEqualRowsOutPlusQuarantinedPlusFilteredAtEveryStep() throws Exception {
        JsonNode prepare = RunFiles.JSON.readTree(run.resolve("manifest.json").toFile()).path("stages").path("prepare");
        assertEquals(GOOD + EXPECTED.size() + FILTERED.size(), prepare.path("rows_in").asLong());
        assertEquals(GOOD, prepare.path("rows_out").asLong());
        assertEquals(EXPECTED.size(), sum(prepare.path("quarantined")));
        assertEquals(FILTERED.size(), sum(prepare.path("filtered")));
        long previousOut = prepare.path("rows_in").asLong();
        for (JsonNode step : prepare.path("steps")) {
            long in = step.path("rows_in").asLong();
            assertEquals(previousOut, in, step.path("step").asText() + " takes what the step before passed on");
            assertEquals(in, step.path("rows_out").asLong() + sum(step.path("quarantined")) + sum(step.path("filtered")),
                    step.path("step").asText());
            previousOut = step.path("rows_out").asLong();
        }
        assertEquals(6, prepare.path("steps").size());
        assertEquals(GOOD, previousOut);
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode n : counts) {
            total += n.asLong();
        }
        return total;
    }

    @Test
    void noGroupCrossesSplitsAndTextIsDeidentified() {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        Map<String, String> splitOfGroup = new HashMap<>();
        Set<String> ids = new HashSet<>();
        try {
            collectSplits(spark, splitOfGroup, ids);
        } finally {
            spark.stop();
        }
        assertEquals(GOOD, ids.size());
    }

    private static void collectSplits(SparkSession spark, Map<String, String> splitOfGroup, Set<String> ids) {
        for (String split : List.of("train", "validation", "test")) {
            for (Row row : spark.read().parquet(run.resolve("prepared/" + split + ".parquet").toString())
                    .collectAsList()) {
                String group = row.getAs("group");
                assertEquals(split, splitOfGroup.getOrDefault(group, split), "group " + group + " in two splits");
                splitOfGroup.put(group, split);
                assertTrue(ids.add(row.getAs("id")));
                String text = row.getAs("text");
                assertTrue(!text.contains("Alvarez") && !text.contains("03/14/2024"), "PHI left in " + row.getAs("id"));
            }
        }
    }

    @Test
    void sameSpecAndDataGiveTheSameManifestBytes() throws Exception {
        Path again = dir.resolve("runs/hostile-again");
        Path specFile = dir.resolve("hostile.yaml");
        assertEquals(0, EnclaveCommand.execute("prepare", specFile.toString(), "--run-dir", again.toString()));
        assertArrayEquals(Files.readAllBytes(run.resolve("manifest.json")), Files.readAllBytes(again.resolve("manifest.json")));
    }
}
