package dev.enclave.prep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

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
 * Assigns whole groups (patients, cases) to train, validation and test, so no group is in two splits. Groups are
 * stratified by their most frequent label (ties to the smallest label), ordered within each stratum by a seeded hash
 * of the group id, and dealt out by the spec's fractions; each split's label proportions then match the input's to
 * within one group per label.
 */
public final class GroupSplitter {
    /** Split names in output order. */
    public static final List<String> SPLITS = List.of("train", "validation", "test");
    /** Column that holds the split name. */
    public static final String SPLIT = "split";

    private GroupSplitter() {}

    /** Adds a {@link #SPLIT} column to {@code rows}. */
    public static Dataset<Row> split(SparkSession spark, Dataset<Row> rows, SplitSpec fractions, long seed,
            boolean labelled) {
        Map<String, String> assignment = assign(groupLabels(rows, labelled), fractions, seed);
        List<Row> pairs = new ArrayList<>(assignment.size());
        assignment.forEach((group, split) -> pairs.add(RowFactory.create(group, split)));
        StructType schema = new StructType()
                .add("_group", DataTypes.StringType, false)
                .add(SPLIT, DataTypes.StringType, false);
        Dataset<Row> groups = spark.createDataFrame(pairs, schema);
        return rows.join(groups, col(InputRows.GROUP).equalTo(col("_group"))).drop("_group");
    }

    /** Each group's majority label ("" when unlabelled), sorted by group. */
    static Map<String, String> groupLabels(Dataset<Row> rows, boolean labelled) {
        Map<String, String> majority = new TreeMap<>();
        if (!labelled) {
            for (Row row : rows.select(InputRows.GROUP).distinct().collectAsList()) {
                majority.put(row.getString(0), "");
            }
            return majority;
        }
        Map<String, Long> best = new TreeMap<>();
        List<Row> counts = rows.groupBy(InputRows.GROUP, InputRows.LABEL).agg(count("*").as("n"))
                .orderBy(InputRows.GROUP, InputRows.LABEL).collectAsList();
        for (Row row : counts) {
            String group = row.getString(0);
            long n = row.getLong(2);
            if (!best.containsKey(group) || n > best.get(group)) {
                best.put(group, n);
                majority.put(group, row.getString(1));
            }
        }
        return majority;
    }

    /** Deals groups to splits per stratum; deterministic in {@code seed}. */
    static Map<String, String> assign(Map<String, String> groupLabel, SplitSpec fractions, long seed) {
        Map<String, List<String>> strata = new TreeMap<>();
        groupLabel.forEach((group, label) -> strata.computeIfAbsent(label, l -> new ArrayList<>()).add(group));
        Map<String, String> assignment = new LinkedHashMap<>();
        double trainEnd = fractions.train();
        double validationEnd = trainEnd + fractions.validation();
        for (List<String> groups : strata.values()) {
            groups.sort(Comparator.comparing((String group) -> rank(seed, group)).thenComparing(group -> group));
            for (int i = 0; i < groups.size(); i++) {
                double position = (i + 0.5) / groups.size();
                String split = position < trainEnd ? "train" : position < validationEnd ? "validation" : "test";
                assignment.put(groups.get(i), split);
            }
        }
        return assignment;
    }

    private static String rank(long seed, String group) {
        return Hashing.sha256Hex((seed + ":" + group).getBytes(StandardCharsets.UTF_8));
    }
}
