package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.spec.DedupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exact and near-duplicate detection, clusters, and the cross-split check, on a local Spark session. */
class DedupTest {
    private static final DedupSpec DEFAULTS = new DedupSpec(null, null, null, null, null, null);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = PrepFixtures.localSpark();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void minHashValuesAreSparksOwn() {
        MinHashLSHModel model = MinHasher.model(spark, 24, 7);
        MinHasher hasher = MinHasher.of(model);
        Random random = new Random(1);
        List<Row> rows = new ArrayList<>();
        List<int[]> sets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int[] set = random.ints(1 + random.nextInt(200), 0, Shingles.DIMENSION).sorted().distinct().toArray();
            sets.add(set);
            double[] ones = new double[set.length];
            java.util.Arrays.fill(ones, 1);
            rows.add(RowFactory.create(i, Vectors.sparse(Shingles.DIMENSION, set, ones)));
        }
        StructType schema = new StructType().add("i", DataTypes.IntegerType).add("features", SQLDataTypes.VectorType());
        for (Row row : model.transform(spark.createDataFrame(rows, schema)).collectAsList()) {
            List<Vector> expected = row.getList(2);
            long[] actual = hasher.hashes(sets.get(row.getInt(0)));
            assertEquals(24, actual.length);
            for (int k = 0; k < actual.length; k++) {
                assertEquals(expected.get(k).apply(0), (double) actual[k], "function " + k);
            }
        }
    }

    @Test
    void shinglesIgnoreCaseAndPunctuationAndShortTextsAreOneShingle() {
        Shingles shingles = new Shingles(3);
        assertArrayEquals(shingles.of("Alpha beta, GAMMA delta"), shingles.of("alpha  beta gamma... delta!"));
        assertEquals(2, shingles.of("alpha beta gamma delta").length);
        assertEquals(1, shingles.of("alpha beta").length);
        assertEquals(0, shingles.of("!!! ... ???").length);
        int[] a = shingles.of("one two three four five six");
        int[] b = shingles.of("one two three four five seven");
        assertEquals(3.0 / 5, Shingles.jaccard(a, b), 1e-12);
        assertEquals(1.0, Shingles.jaccard(a, a));
    }

    @Test
    void clustersAreConnectedComponentsKeepingTheSmallestId() {
        List<NearDuplicates.Similar> pairs = List.of(new NearDuplicates.Similar("b", "c", 0.95),
                new NearDuplicates.Similar("c", "d", 0.92), new NearDuplicates.Similar("a", "d", 0.91),
                new NearDuplicates.Similar("x", "y", 0.99));
        List<DuplicateRemoval.Cluster> clusters = DuplicateRemoval.components(pairs);
        assertEquals(2, clusters.size());
        assertEquals("a", clusters.get(0).kept());
        assertEquals(List.of("b", "c", "d"), clusters.get(0).removed());
        assertEquals(3, clusters.get(0).similar().size());
        assertEquals("x", clusters.get(1).kept());
        assertEquals(List.of("y"), clusters.get(1).removed());
    }

    /** Distinct sentences of random words, so unrelated texts share no shingle by chance. */
    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(Integer.toString(random.nextInt(1 << 20), 36));
        }
        return text.toString();
    }

    private static Dataset<Row> texts(Map<String, String> byId) {
        List<Row> rows = new ArrayList<>();
        byId.forEach((id, text) -> rows.add(RowFactory.create(id, text)));
        return spark.createDataFrame(rows, new StructType().add("id", DataTypes.StringType, false)
                .add("text", DataTypes.StringType, false));
    }

    @Test
    void findsExactAndNearDuplicatesKeepingTheSmallestIdAndSkipsTextsWithoutWords() {
        Random random = new Random(9);
        Map<String, String> byId = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            byId.put(String.format("r%03d", i), words(random, 5 + random.nextInt(60)));
        }
        String base = words(random, 80);
        byId.put("n2", base);
        byId.put("n1", base.substring(0, base.lastIndexOf(' ')) + " changed");
        byId.put("n3", base.substring(base.indexOf(' ') + 1));
        byId.put("e2", byId.get("r007"));
        byId.put("e1", byId.get("r007"));
        byId.put("s1", "!!! ... ???");
        byId.put("s2", "!!! ... ???");
        byId.put("s3", "--");
        byId.put("w1", "solitary");
        DuplicateRemoval.Clusters clusters = DuplicateRemoval.find(texts(byId), DEFAULTS, 3);

        Map<String, List<String>> exact = new TreeMap<>();
        clusters.exact().forEach(c -> exact.put(c.kept(), c.removed()));
        assertEquals(Map.of("e1", List.of("e2", "r007"), "s1", List.of("s2")), exact);
        assertEquals(1, clusters.near().size());
        assertEquals("n1", clusters.near().get(0).kept());
        assertEquals(List.of("n2", "n3"), clusters.near().get(0).removed());
        clusters.near().get(0).similar().forEach(p -> assertTrue(p.jaccard() >= 0.9, p.toString()));
    }

    @Test
    void nearDuplicatesCanBeSwitchedOffAndTheThresholdIsHonoured() {
        Random random = new Random(4);
        String base = words(random, 40);
        String[] tail = base.split(" ");
        tail[39] = "other";
        Map<String, String> byId = Map.of("a", base, "b", String.join(" ", tail));
        // 37 shared shingles of 39: Jaccard 37/39 = 0.949
        assertEquals(1, DuplicateRemoval.find(texts(byId), new DedupSpec(null, null, 0.94, null, null, null), 1)
                .near().size());
        assertEquals(0, DuplicateRemoval.find(texts(byId), new DedupSpec(null, null, 0.95, null, null, null), 1)
                .near().size());
        assertEquals(0, DuplicateRemoval.find(texts(byId), new DedupSpec(null, false, null, null, null, null), 1)
                .near().size());
    }

    @Test
    void crossSplitCheckRemovesTheCopyInTheLaterSplitOnly() {
        Random random = new Random(5);
        String shared = words(random, 60);
        String inTrain = words(random, 60);
        List<Row> rows = new ArrayList<>();
        StructType schema = new StructType().add("id", DataTypes.StringType, false)
                .add("text", DataTypes.StringType, false).add("split", DataTypes.StringType, false);
        rows.add(RowFactory.create("t1", shared, "train"));
        rows.add(RowFactory.create("v1", shared + " extra", "test"));
        rows.add(RowFactory.create("t2", inTrain, "train"));
        rows.add(RowFactory.create("t3", inTrain + " extra", "train"));
        for (int i = 0; i < 30; i++) {
            rows.add(RowFactory.create("o" + i, words(random, 30), GroupSplitter.SPLITS.get(i % 3)));
        }
        CrossSplitCheck.Outcome outcome = CrossSplitCheck.run(spark.createDataFrame(rows, schema), DEFAULTS, 8);
        assertEquals(2, outcome.result().similarPairs());
        assertEquals(1, outcome.result().acrossSplits());
        assertEquals(1, outcome.result().removed());
        List<Row> marked = outcome.marked().filter(org.apache.spark.sql.functions.col(StepTally.REASON).isNotNull())
                .collectAsList();
        assertEquals(1, marked.size());
        assertEquals("v1", marked.get(0).getAs("id"));
        assertEquals("NEAR_DUPLICATE_ACROSS_SPLITS", marked.get(0).getAs(StepTally.REASON));
    }
}
