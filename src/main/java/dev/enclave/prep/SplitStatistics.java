package dev.enclave.prep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Per-split counts of the prepared examples, for the manifest and the report. */
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
     * @param labelShareMaxDeviation the largest difference, over labels, between a label's share of this split and
     *     its share of all splits (0 for an empty split); the split is stratified by label at group level
     * @param sequences packed sequences holding the examples ({@code task.packing}), else absent
     */
    public record Split(
            long rows,
            long groups,
            Map<String, Long> labels,
            long tokens,
            long truncated,
            @JsonProperty("label_share_max_deviation") double labelShareMaxDeviation,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long sequences) {
        public Split {
            labels = new TreeMap<>(labels);
        }
    }

    /**
     * Figures for every split name in {@link GroupSplitter#SPLITS}, empty splits included, from example rows (columns
     * split, group, label, tokens, truncated); {@code sequences} per split when packed, else null.
     */
    static Map<String, Split> of(Dataset<Row> examples, Map<String, Long> sequences) {
        Map<String, Map<String, Long>> labels = new TreeMap<>();
        Map<String, Long> allLabels = new TreeMap<>();
        for (Row row : examples.groupBy(PreparedRows.SPLIT, PreparedRows.LABEL).agg(count("*")).collectAsList()) {
            String label = row.isNullAt(1) ? "" : row.getString(1);
            labels.computeIfAbsent(row.getString(0), s -> new TreeMap<>()).put(label, row.getLong(2));
            allLabels.merge(label, row.getLong(2), Long::sum);
        }
        Map<String, Row> totals = new TreeMap<>();
        for (Row row : examples.groupBy(PreparedRows.SPLIT).agg(
                        count("*"), countDistinct(col(PreparedRows.GROUP)), sum(PreparedRows.TOKENS),
                        sum(when(col(PreparedRows.TRUNCATED), 1).otherwise(0)))
                .collectAsList()) {
            totals.put(row.getString(0), row);
        }
        long all = allLabels.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Split> splits = new LinkedHashMap<>();
        for (String name : GroupSplitter.SPLITS) {
            Row row = totals.get(name);
            Long packed = sequences == null ? null : sequences.getOrDefault(name, 0L);
            Map<String, Long> splitLabels = labels.getOrDefault(name, Map.of());
            splits.put(name, row == null ? new Split(0, 0, Map.of(), 0, 0, 0, packed)
                    : new Split(row.getLong(1), row.getLong(2), splitLabels, row.getLong(3), row.getLong(4),
                            deviation(splitLabels, row.getLong(1), allLabels, all), packed));
        }
        return splits;
    }

    /** Largest absolute difference of label shares, rounded to 4 decimals. */
    static double deviation(Map<String, Long> split, long splitRows, Map<String, Long> all, long allRows) {
        double worst = 0;
        for (Map.Entry<String, Long> label : all.entrySet()) {
            double share = (double) split.getOrDefault(label.getKey(), 0L) / splitRows;
            worst = Math.max(worst, Math.abs(share - (double) label.getValue() / allRows));
        }
        return Math.round(worst * 1e4) / 1e4;
    }
}
