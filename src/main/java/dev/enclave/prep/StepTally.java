package dev.enclave.prep;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Counts, step by step, where the rows went. A step hands in its rows <em>marked</em>: each row of the step's input
 * with a {@link #REASON} (and {@link #MESSAGE}) when the step filtered it out, null when it passes on. The tally
 * counts them per reason, keeps the filtered rows' locators (source, line, id, group; never the text) for
 * {@code prepare/filtered.json}, checks that the step's input is the previous step's output, and returns the rows
 * passed on. Each step's marked rows stay cached until the next step has been counted.
 */
final class StepTally {
    /** Marked rows: the filter reason, null for rows passed on. */
    static final String REASON = "filter_reason";
    /** Marked rows: what the filter found, without any text. */
    static final String MESSAGE = "filter_message";

    private static final StructType MARKS = new StructType()
            .add("_mark_id", DataTypes.StringType, false)
            .add(REASON, DataTypes.StringType, false)
            .add(MESSAGE, DataTypes.StringType, false);

    /** Truncation reason: the text was cut to fit {@code task.max_tokens}. */
    static final String TRUNCATED_TEXT = "TRUNCATED_TEXT";

    /** The locator of a filtered row, as {@code prepare/filtered.json} lists it. */
    static final StructType FILTERED = new StructType()
            .add(InputRows.SOURCE, DataTypes.StringType, false)
            .add(InputRows.LINE, DataTypes.LongType, false)
            .add(InputRows.ID, DataTypes.StringType, false)
            .add(InputRows.GROUP, DataTypes.StringType, false)
            .add("step", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, true);

    private final List<StepSummary> steps = new ArrayList<>();
    private final List<Dataset<Row>> filtered = new ArrayList<>();
    private final List<Dataset<Row>> cached = new ArrayList<>();

    /**
     * {@code rows} marked by id: {@code marks} holds one {@code (id, reason, message)} row per row to filter out, few
     * enough to broadcast.
     */
    static Dataset<Row> mark(Dataset<Row> rows, List<Row> marks) {
        if (marks.isEmpty()) {
            return rows.withColumn(REASON, lit(null).cast(DataTypes.StringType))
                    .withColumn(MESSAGE, lit(null).cast(DataTypes.StringType));
        }
        Dataset<Row> marked = rows.sparkSession().createDataFrame(marks, MARKS);
        return rows.join(broadcast(marked), col(InputRows.ID).equalTo(col("_mark_id")), "left_outer")
                .drop("_mark_id");
    }

    /** Records the ingest step: every record read, the quarantined ones by reason. */
    void ingest(long rowsIn, Map<String, Long> quarantined) {
        steps.add(new StepSummary("ingest", rowsIn, rowsIn - StepSummary.sum(quarantined), quarantined, Map.of(),
                Map.of()));
    }

    /**
     * Counts a step that changed nothing in the rows it was handed (the same rows, lazily): its count is the previous
     * step's.
     */
    Dataset<Row> unchanged(String step, Dataset<Row> rows) {
        long count = steps.get(steps.size() - 1).rowsOut();
        steps.add(new StepSummary(step, count, count, Map.of(), Map.of(), Map.of()));
        return rows;
    }

    /**
     * Counts a step that filters nothing; returns its rows, cached. {@code truncatedColumn}, when not null, names a
     * boolean column that is true on rows the step shortened ({@link #TRUNCATED_TEXT}).
     */
    Dataset<Row> lossless(String step, Dataset<Row> rows, String truncatedColumn) {
        return marked(step, mark(rows, List.of()), truncatedColumn);
    }

    /**
     * Counts a marked step (see the class comment); returns the rows it passed on, without the mark columns.
     * {@code truncatedColumn} as for {@link #lossless}.
     */
    Dataset<Row> marked(String step, Dataset<Row> marked, String truncatedColumn) {
        Dataset<Row> persisted = marked.persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, Long> truncated = new TreeMap<>();
        long passed = 0;
        var counts = truncatedColumn == null ? persisted.groupBy(col(REASON), lit(false)).count()
                : persisted.groupBy(col(REASON), col(truncatedColumn)).count();
        for (Row row : counts.collectAsList()) {
            if (!row.isNullAt(0)) {
                byReason.merge(row.getString(0), row.getLong(2), Long::sum);
                continue;
            }
            passed += row.getLong(2);
            if (row.getBoolean(1)) {
                truncated.merge(TRUNCATED_TEXT, row.getLong(2), Long::sum);
            }
        }
        long rowsIn = passed + StepSummary.sum(byReason);
        if (!byReason.isEmpty()) {
            Dataset<Row> out = persisted.filter(col(REASON).isNotNull()).select(col(InputRows.SOURCE),
                    col(InputRows.LINE), col(InputRows.ID), col(InputRows.GROUP), lit(step).as("step"),
                    col(REASON).as("reason"), col(MESSAGE).as("message")).persist(StorageLevel.MEMORY_AND_DISK());
            out.count();
            filtered.add(out);
        }
        record(new StepSummary(step, rowsIn, passed, Map.of(), byReason, truncated), persisted);
        return persisted.filter(col(REASON).isNull()).drop(REASON, MESSAGE);
    }

    private void record(StepSummary summary, Dataset<Row> persisted) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1).rowsOut() != summary.rowsIn()) {
            throw new IllegalStateException("row accounting broken between steps: " + steps.get(steps.size() - 1).step()
                    + " passed on " + steps.get(steps.size() - 1).rowsOut() + " rows, " + summary.step()
                    + " received " + summary.rowsIn());
        }
        steps.add(summary);
        for (Dataset<Row> old : cached) {
            old.unpersist();
        }
        cached.clear();
        cached.add(persisted);
    }

    List<StepSummary> steps() {
        return List.copyOf(steps);
    }

    /** Every filtered row's locator, reason and message, or null when no step filtered a row. */
    Dataset<Row> filteredRows() {
        return filtered.stream().reduce(Dataset::union).orElse(null);
    }

    /** Frees every cached dataset. */
    void release() {
        cached.forEach(Dataset::unpersist);
        filtered.forEach(Dataset::unpersist);
        cached.clear();
        filtered.clear();
    }
}
