package dev.enclave.prep;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.enclave.spec.DedupSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * After the split: searches the split rows again for near duplicates with MinHash functions drawn from another seed
 * than the dedup step's, so pairs the first draw missed get a second, independent chance to be found. A pair in two
 * different splits loses its member in the later split (train, then validation, then test):
 * {@link FilterReason#NEAR_DUPLICATE_ACROSS_SPLITS}. Afterwards no pair found by either draw crosses splits.
 */
final class CrossSplitCheck {
    /** Added to the run's seed for the check's MinHash draw. */
    static final long SEED_OFFSET = 0x5eed_c4ecL;

    private CrossSplitCheck() {}

    /**
     * The check's outcome, for the manifest.
     *
     * @param method how the search was done, or why it was not
     * @param similarPairs near-duplicate pairs the second draw found among the split rows
     * @param acrossSplits of those, pairs whose members are in different splits
     * @param removed rows removed for it
     */
    record Result(
            String method,
            @JsonProperty("similar_pairs") long similarPairs,
            @JsonProperty("across_splits") long acrossSplits,
            long removed) {}

    /** The marked split rows and the check's result. */
    record Outcome(Dataset<Row> marked, Result result) {}

    static Outcome run(Dataset<Row> split, DedupSpec spec, long seed) {
        if (!spec.near()) {
            return new Outcome(StepTally.mark(split, List.of()), new Result("skipped: dedup.near is false", 0, 0, 0));
        }
        List<NearDuplicates.Similar> pairs = NearDuplicates.pairs(split, spec, seed + SEED_OFFSET);
        String method = "MinHash LSH, seed " + (seed + SEED_OFFSET) + ", " + spec.tables() + " x "
                + spec.hashesPerTable() + ", Jaccard >= " + spec.nearDuplicateJaccard();
        if (pairs.isEmpty()) {
            return new Outcome(StepTally.mark(split, List.of()), new Result(method, 0, 0, 0));
        }
        Map<String, String> splitOf = splitsOf(split, pairs);
        Map<String, String[]> removals = new LinkedHashMap<>();
        long across = 0;
        for (NearDuplicates.Similar pair : pairs) {
            int a = GroupSplitter.SPLITS.indexOf(splitOf.get(pair.a()));
            int b = GroupSplitter.SPLITS.indexOf(splitOf.get(pair.b()));
            if (a == b) {
                continue;
            }
            across++;
            String later = a > b ? pair.a() : pair.b();
            String earlier = a > b ? pair.b() : pair.a();
            removals.putIfAbsent(later, new String[] {earlier, splitOf.get(earlier)});
        }
        Result result = new Result(method, pairs.size(), across, removals.size());
        if (removals.isEmpty()) {
            return new Outcome(StepTally.mark(split, List.of()), result);
        }
        List<Row> marks = new ArrayList<>();
        removals.forEach((id, of) -> marks.add(RowFactory.create(id, FilterReason.NEAR_DUPLICATE_ACROSS_SPLITS.name(),
                "near duplicate of " + of[0] + " in " + of[1])));
        return new Outcome(StepTally.mark(split, marks), result);
    }

    private static Map<String, String> splitsOf(Dataset<Row> split, List<NearDuplicates.Similar> pairs) {
        TreeSet<String> ids = new TreeSet<>();
        pairs.forEach(p -> {
            ids.add(p.a());
            ids.add(p.b());
        });
        List<Row> idRows = ids.stream().map(RowFactory::create).toList();
        Dataset<Row> wanted = split.sparkSession().createDataFrame(idRows,
                new StructType().add("_id", DataTypes.StringType, false));
        Map<String, String> splitOf = new HashMap<>();
        for (Row row : split.join(broadcast(wanted), col(InputRows.ID).equalTo(col("_id")))
                .select(InputRows.ID, GroupSplitter.SPLIT).collectAsList()) {
            splitOf.put(row.getString(0), row.getString(1));
        }
        return splitOf;
    }
}
