package dev.enclave.prep;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.enclave.spec.SplitSpec;
import dev.enclave.util.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Assigns whole groups (patients, cases) to train, validation and test, so no group is in two splits, with each
 * split's rows per label close to its fraction of that label's rows (see {@link #assign}). Groups are taken in the
 * order of a seeded hash of their id, so the seed alone decides the split.
 */
public final class GroupSplitter {
    /** Split names in output order. */
    public static final List<String> SPLITS = List.of("train", "validation", "test");
    /** Column that holds the split name. */
    public static final String SPLIT = "split";

    private GroupSplitter() {}

    /** A group's rows per label ("" for every row when unlabelled). */
    record Group(Map<String, Long> labels) {
        Group {
            labels = new TreeMap<>(labels);
        }

        long rows() {
            return labels.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Adds a {@link #SPLIT} column to {@code rows}. */
    public static Dataset<Row> split(SparkSession spark, Dataset<Row> rows, SplitSpec fractions, long seed,
            boolean labelled) {
        Map<String, String> assignment = assign(groups(rows, labelled), fractions, seed);
        List<Row> pairs = new ArrayList<>(assignment.size());
        assignment.forEach((group, split) -> pairs.add(RowFactory.create(group, split)));
        StructType schema = new StructType()
                .add("_group", DataTypes.StringType, false)
                .add(SPLIT, DataTypes.StringType, false);
        Dataset<Row> groups = spark.createDataFrame(pairs, schema);
        return rows.join(broadcast(groups), col(InputRows.GROUP).equalTo(col("_group"))).drop("_group");
    }

    /** Each group's rows per label, sorted by group. */
    static Map<String, Group> groups(Dataset<Row> rows, boolean labelled) {
        Map<String, Map<String, Long>> labels = new TreeMap<>();
        for (Row row : rows.groupBy(col(InputRows.GROUP), labelled ? col(InputRows.LABEL) : lit(""))
                .agg(count("*")).collectAsList()) {
            labels.computeIfAbsent(row.getString(0), g -> new TreeMap<>()).put(row.getString(1), row.getLong(2));
        }
        Map<String, Group> groups = new TreeMap<>();
        labels.forEach((group, counts) -> groups.put(group, new Group(counts)));
        return groups;
    }

    /**
     * Deals groups to splits; deterministic in {@code seed}. Each split has a target number of rows per label (its
     * fraction of the label's rows); groups, in seeded order, go one by one to the split whose remaining need covers
     * the group's rows best (the sum over labels of the split's remaining need times the group's rows of that label).
     */
    static Map<String, String> assign(Map<String, Group> groups, SplitSpec fractions, long seed) {
        double[] shares = {fractions.train(), fractions.validation(), fractions.test()};
        Map<String, Long> totals = new TreeMap<>();
        groups.values().forEach(g -> g.labels().forEach((label, n) -> totals.merge(label, n, Long::sum)));
        List<Map<String, Double>> need = new ArrayList<>();
        for (double share : shares) {
            Map<String, Double> perLabel = new TreeMap<>();
            totals.forEach((label, n) -> perLabel.put(label, share * n));
            need.add(perLabel);
        }
        List<String> order = new ArrayList<>(groups.keySet());
        order.sort(Comparator.comparing((String group) -> rank(seed, group)).thenComparing(group -> group));
        Map<String, String> assignment = new LinkedHashMap<>();
        for (String group : order) {
            Map<String, Long> labels = groups.get(group).labels();
            int target = -1;
            double best = 0;
            for (int s = 0; s < shares.length; s++) {
                if (shares[s] <= 0) {
                    continue;
                }
                double score = 0;
                for (Map.Entry<String, Long> label : labels.entrySet()) {
                    score += need.get(s).get(label.getKey()) * label.getValue();
                }
                if (target < 0 || score > best) {
                    target = s;
                    best = score;
                }
            }
            for (Map.Entry<String, Long> label : labels.entrySet()) {
                need.get(target).merge(label.getKey(), (double) -label.getValue(), Double::sum);
            }
            assignment.put(group, SPLITS.get(target));
        }
        return assignment;
    }

    private static String rank(long seed, String group) {
        return Hashing.sha256Hex((seed + ":" + group).getBytes(StandardCharsets.UTF_8));
    }
}
