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
 * Assigns whole groups (patients, cases) to train, validation and test, so no group is in two splits. Groups are
 * stratified by their most frequent label (ties to the smallest label) and ordered within each stratum by a seeded
 * hash of the group id; each group in turn goes to the split furthest below its share of the stratum's rows (the
 * spec's fraction times the stratum's rows). Each split then holds its fraction of every stratum's rows to within the
 * rows of one group, so label proportions carry over to every split; only groups that mix labels move them.
 */
public final class GroupSplitter {
    /** Split names in output order. */
    public static final List<String> SPLITS = List.of("train", "validation", "test");
    /** Column that holds the split name. */
    public static final String SPLIT = "split";

    private GroupSplitter() {}

    /** A group's majority label ("" when unlabelled) and its number of rows. */
    record Group(String label, long rows) {}

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

    /** Each group's majority label and size, sorted by group. */
    static Map<String, Group> groups(Dataset<Row> rows, boolean labelled) {
        Map<String, Group> groups = new TreeMap<>();
        Map<String, Long> best = new TreeMap<>();
        List<Row> counts = rows.groupBy(col(InputRows.GROUP), labelled ? col(InputRows.LABEL) : lit(""))
                .agg(count("*").as("n")).collectAsList();
        List<Row> sorted = new ArrayList<>(counts);
        sorted.sort(Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getString(1)));
        for (Row row : sorted) {
            String group = row.getString(0);
            long n = row.getLong(2);
            Group seen = groups.get(group);
            long total = (seen == null ? 0 : seen.rows()) + n;
            boolean better = !best.containsKey(group) || n > best.get(group);
            if (better) {
                best.put(group, n);
            }
            groups.put(group, new Group(better ? row.getString(1) : seen.label(), total));
        }
        return groups;
    }

    /** Deals groups to splits per stratum; deterministic in {@code seed}. */
    static Map<String, String> assign(Map<String, Group> groups, SplitSpec fractions, long seed) {
        Map<String, List<String>> strata = new TreeMap<>();
        groups.forEach((group, info) -> strata.computeIfAbsent(info.label(), l -> new ArrayList<>()).add(group));
        double[] shares = {fractions.train(), fractions.validation(), fractions.test()};
        Map<String, String> assignment = new LinkedHashMap<>();
        for (List<String> members : strata.values()) {
            members.sort(Comparator.comparing((String group) -> rank(seed, group)).thenComparing(group -> group));
            long rows = members.stream().mapToLong(g -> groups.get(g).rows()).sum();
            double[] deficit = new double[shares.length];
            for (int s = 0; s < shares.length; s++) {
                deficit[s] = shares[s] * rows;
            }
            for (String group : members) {
                int target = -1;
                for (int s = 0; s < shares.length; s++) {
                    if (shares[s] > 0 && (target < 0 || deficit[s] > deficit[target])) {
                        target = s;
                    }
                }
                deficit[target] -= groups.get(group).rows();
                assignment.put(group, SPLITS.get(target));
            }
        }
        return assignment;
    }

    private static String rank(long seed, String group) {
        return Hashing.sha256Hex((seed + ":" + group).getBytes(StandardCharsets.UTF_8));
    }
}
