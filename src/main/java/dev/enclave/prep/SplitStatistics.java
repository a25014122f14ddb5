package dev.enclave.prep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Per-split counts of tokenised rows, for the manifest and the report. */
public final class SplitStatistics {
    private SplitStatistics() {}

    /**
     * One split's figures.
     *
     * @param rows examples
     * @param groups distinct groups (patients, cases)
     * @param labels examples per label
     * @param tokens tokens after truncation, special tokens included
     * @param truncated examples cut at the token limit
     */
    public record Split(long rows, long groups, Map<String, Long> labels, long tokens, long truncated) {
        public Split {
            labels = new TreeMap<>(labels);
        }
    }

    /** Figures for every split name in {@link GroupSplitter#SPLITS}, empty splits included. */
    static Map<String, Split> of(Dataset<Row> tokenised) {
        Map<String, Map<String, Long>> labels = new TreeMap<>();
        for (Row row : tokenised.groupBy(PreparedRows.SPLIT, PreparedRows.LABEL).agg(count("*")).collectAsList()) {
            labels.computeIfAbsent(row.getString(0), s -> new TreeMap<>())
                    .put(row.isNullAt(1) ? "" : row.getString(1), row.getLong(2));
        }
        Map<String, Row> totals = new TreeMap<>();
        for (Row row : tokenised.groupBy(PreparedRows.SPLIT).agg(
                        count("*"), countDistinct(col(PreparedRows.GROUP)), sum(PreparedRows.TOKENS),
                        sum(when(col(PreparedRows.TRUNCATED), 1).otherwise(0)))
                .collectAsList()) {
            totals.put(row.getString(0), row);
        }
        Map<String, Split> splits = new LinkedHashMap<>();
        for (String name : GroupSplitter.SPLITS) {
            Row row = totals.get(name);
            splits.put(name, row == null ? new Split(0, 0, Map.of(), 0, 0)
                    : new Split(row.getLong(1), row.getLong(2), labels.getOrDefault(name, Map.of()), row.getLong(3),
                            row.getLong(4)));
        }
        return splits;
    }

}
