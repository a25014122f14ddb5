package dev.enclave.prep;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.enclave.spec.DedupSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The dedup step, on the de-identified text: exact duplicates (identical text) first, then near duplicates among the
 * rest ({@link NearDuplicates}). Near-duplicate pairs are joined into clusters (connected components). Of each cluster
 * the row with the smallest id stays; the others are marked {@link FilterReason#EXACT_DUPLICATE} or
 * {@link FilterReason#NEAR_DUPLICATE}.
 */
final class DuplicateRemoval {
    private DuplicateRemoval() {}

    /** One cluster: the id that stays, the ids removed, and for near duplicates the similar pairs found. */
    record Cluster(String kept, List<String> removed, List<NearDuplicates.Similar> similar) {}

    /**
     * What {@code prepare/duplicate-clusters.json} holds: ids and similarities only, never text.
     *
     * @param exact clusters of identical texts
     * @param near clusters of near duplicates
     */
    record Clusters(List<Cluster> exact, List<Cluster> near) {
        @JsonProperty("exact_removed")
        long exactRemoved() {
            return exact.stream().mapToLong(c -> c.removed().size()).sum();
        }

        @JsonProperty("near_removed")
        long nearRemoved() {
            return near.stream().mapToLong(c -> c.removed().size()).sum();
        }
    }

    /** Finds the duplicate clusters among {@code rows} (columns id and text at least). */
    static Clusters find(Dataset<Row> rows, DedupSpec spec, long seed) {
        List<Cluster> exact = spec.exact() ? exact(rows) : List.of();
        List<Cluster> near = List.of();
        if (spec.near()) {
            Dataset<Row> rest = rows;
            if (!exact.isEmpty()) {
                List<Row> removed = new ArrayList<>();
                exact.forEach(c -> c.removed().forEach(id -> removed.add(RowFactory.create(id))));
                Dataset<Row> removedIds = rows.sparkSession().createDataFrame(removed,
                        new StructType().add(InputRows.ID, DataTypes.StringType, false));
                rest = rows.join(broadcast(removedIds), rows.col(InputRows.ID).equalTo(removedIds.col(InputRows.ID)),
                        "left_anti");
            }
            near = components(NearDuplicates.pairs(rest, spec, seed));
        }
        return new Clusters(exact, near);
    }

    /** {@code rows} with the {@link StepTally} mark columns: the duplicates' reason and the id that stays. */
    static Dataset<Row> mark(Dataset<Row> rows, Clusters clusters) {
        List<Row> marks = new ArrayList<>();
        for (Cluster c : clusters.exact()) {
            c.removed().forEach(id -> marks.add(RowFactory.create(id, FilterReason.EXACT_DUPLICATE.name(),
                    "same text as " + c.kept())));
        }
        for (Cluster c : clusters.near()) {
            c.removed().forEach(id -> marks.add(RowFactory.create(id, FilterReason.NEAR_DUPLICATE.name(),
                    "near duplicate of " + c.kept() + " (cluster of " + (c.removed().size() + 1) + ")")));
        }
        return StepTally.mark(rows, marks);
    }

    private static List<Cluster> exact(Dataset<Row> rows) {
        List<Cluster> clusters = new ArrayList<>();
        for (Row row : rows.select(col(InputRows.ID), sha2(col(InputRows.TEXT), 256).as("_hash"))
                .groupBy("_hash").agg(collect_list(InputRows.ID).as("ids"))
                .filter(size(col("ids")).gt(1))
                .select("ids").collectAsList()) {
            List<String> ids = new ArrayList<>(row.getList(0));
            Collections.sort(ids);
            clusters.add(new Cluster(ids.get(0), List.copyOf(ids.subList(1, ids.size())), List.of()));
        }
        clusters.sort(java.util.Comparator.comparing(Cluster::kept));
        return clusters;
    }

    /** Connected components of the similar pairs, each with its smallest id kept. */
    static List<Cluster> components(List<NearDuplicates.Similar> pairs) {
        Map<String, String> parent = new HashMap<>();
        for (NearDuplicates.Similar pair : pairs) {
            String a = root(parent, pair.a());
            String b = root(parent, pair.b());
            if (!a.equals(b)) {
                parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }
        Map<String, List<String>> members = new TreeMap<>();
        for (String id : parent.keySet()) {
            members.computeIfAbsent(root(parent, id), r -> new ArrayList<>()).add(id);
        }
        Map<String, List<NearDuplicates.Similar>> edges = new HashMap<>();
        for (NearDuplicates.Similar pair : pairs) {
            edges.computeIfAbsent(root(parent, pair.a()), r -> new ArrayList<>()).add(pair);
        }
        List<Cluster> clusters = new ArrayList<>();
        members.forEach((root, ids) -> {
            Collections.sort(ids);
            clusters.add(new Cluster(ids.get(0), List.copyOf(ids.subList(1, ids.size())), edges.get(root)));
        });
        return clusters;
    }

    private static String root(Map<String, String> parent, String id) {
        parent.putIfAbsent(id, id);
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        for (String at = id; !at.equals(root); ) {
            String next = parent.get(at);
            parent.put(at, root);
            at = next;
        }
        return root;
    }
}
