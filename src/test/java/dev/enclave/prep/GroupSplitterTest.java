package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.spec.SplitSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The split: whole groups, seeded, stratified by label. Stated tolerance: a split's rows of each label are its fraction
 * of that label's rows to within the rows of the largest group; on the sample data every split's label shares are
 * within {@value #SAMPLE_TOLERANCE} of the whole data set's, for every seed tried.
 */
class GroupSplitterTest {
    static final double SAMPLE_TOLERANCE = 0.035;
    private static final SplitSpec FRACTIONS = new SplitSpec(0.8, 0.1, 0.1);

    private static GroupSplitter.Group group(Object... labelCounts) {
        Map<String, Long> labels = new TreeMap<>();
        for (int i = 0; i < labelCounts.length; i += 2) {
            labels.put((String) labelCounts[i], ((Number) labelCounts[i + 1]).longValue());
        }
        return new GroupSplitter.Group(labels);
    }

    @Test
    void eachLabelsRowsAreDealtToWithinOneGroupOfTheFractions() {
        Random random = new Random(2);
        for (int trial = 0; trial < 50; trial++) {
            Map<String, GroupSplitter.Group> groups = new TreeMap<>();
            int count = 1 + random.nextInt(400);
            int labels = 1 + random.nextInt(8);
            for (int g = 0; g < count; g++) {
                groups.put("g" + g, random.nextInt(4) == 0
                        ? group("l" + random.nextInt(labels), 1 + random.nextInt(6), "l" + random.nextInt(labels),
                                1 + random.nextInt(6))
                        : group("l" + random.nextInt(labels), 1 + random.nextInt(12)));
            }
            SplitSpec fractions = trial % 2 == 0 ? FRACTIONS : new SplitSpec(0.6, 0.25, 0.15);
            Map<String, String> split = GroupSplitter.assign(groups, fractions, trial);
            assertEquals(groups.keySet(), split.keySet(), "every group goes to exactly one split");
            Map<String, long[]> perLabel = new TreeMap<>();
            groups.forEach((group, info) -> info.labels().forEach((label, n) -> perLabel.computeIfAbsent(label,
                    l -> new long[3])[GroupSplitter.SPLITS.indexOf(split.get(group))] += n));
            double[] share = {fractions.train(), fractions.validation(), fractions.test()};
            perLabel.forEach((label, rows) -> {
                long total = rows[0] + rows[1] + rows[2];
                for (int s = 0; s < 3; s++) {
                    assertTrue(Math.abs(rows[s] - share[s] * total) <= 12, label + " " + GroupSplitter.SPLITS.get(s)
                            + ": " + rows[s] + " rows of " + total);
                }
            });
        }
    }

    @Test
    void theSeedDecidesAndOnlyTheSeed() {
        Map<String, GroupSplitter.Group> groups = new TreeMap<>();
        for (int g = 0; g < 200; g++) {
            groups.put("g" + g, group("l" + g % 3, 1 + g % 5));
        }
        assertEquals(GroupSplitter.assign(groups, FRACTIONS, 5), GroupSplitter.assign(new TreeMap<>(groups),
                FRACTIONS, 5));
        assertNotEquals(GroupSplitter.assign(groups, FRACTIONS, 5), GroupSplitter.assign(groups, FRACTIONS, 6));
    }

    @Test
    void aSplitWithFractionZeroGetsNothing() {
        Map<String, GroupSplitter.Group> groups = new TreeMap<>();
        for (int g = 0; g < 50; g++) {
            groups.put("g" + g, group("l", 3));
        }
        assertTrue(!GroupSplitter.assign(groups, new SplitSpec(0.9, 0.0, 0.1), 1).containsValue("validation"));
    }

    @Test
    void labelSharesOfTheSampleDataStayWithinTheStatedTolerance() throws IOException {
        double worst = 0;
        for (String[] sample : List.of(new String[] {"sample-data/clinical-notes.csv", "patient_id", "specialty"},
                new String[] {"sample-data/legal-cases.csv", "matter_id", "case_type"})) {
            Map<String, Map<String, Long>> rows = counts(Path.of(sample[0]), sample[1], sample[2]);
            Map<String, GroupSplitter.Group> groups = new TreeMap<>();
            Map<String, Long> all = new TreeMap<>();
            rows.forEach((group, labels) -> {
                groups.put(group, new GroupSplitter.Group(labels));
                labels.forEach((label, n) -> all.merge(label, n, Long::sum));
            });
            long total = all.values().stream().mapToLong(Long::longValue).sum();
            for (long seed = 1; seed <= 200; seed++) {
                Map<String, String> split = GroupSplitter.assign(groups, FRACTIONS, seed);
                for (String name : GroupSplitter.SPLITS) {
                    Map<String, Long> inSplit = new TreeMap<>();
                    rows.forEach((group, labels) -> {
                        if (split.get(group).equals(name)) {
                            labels.forEach((label, n) -> inSplit.merge(label, n, Long::sum));
                        }
                    });
                    long splitRows = inSplit.values().stream().mapToLong(Long::longValue).sum();
                    worst = Math.max(worst, SplitStatistics.deviation(inSplit, splitRows, all, total));
                }
            }
        }
        System.out.println("largest label share deviation on the sample data: " + worst);
        assertTrue(worst <= SAMPLE_TOLERANCE, "largest deviation " + worst);
    }

    private static Map<String, Map<String, Long>> counts(Path csv, String group, String label) throws IOException {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord record : parser) {
                counts.computeIfAbsent(record.get(group), g -> new TreeMap<>()).merge(record.get(label), 1L, Long::sum);
            }
        }
        return counts;
    }
}
