package dev.enclave.prep;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Rules that need more than one row, and the tally of ingested rows per quarantine reason. */
public final class Quarantine {
    private static final StructType FIRST_USE = new StructType()
            .add("_dup_id", DataTypes.StringType, false)
            .add("_first_source", DataTypes.StringType, false)
            .add("_first_line", DataTypes.LongType, false);

    private Quarantine() {}

    /**
     * Ingested rows: all of them, and the quarantined ones per reason (sorted).
     *
     * @param rows records read
     * @param quarantined quarantined rows per {@link QuarantineReason}
     */
    public record Counts(long rows, Map<String, Long> quarantined) {}

    /**
     * Marks every row whose id an earlier row (by file, then line) already used as {@link QuarantineReason#DUPLICATE_ID};
     * the first row keeps the id. Only rows that passed the per-row rules compete. The ids used more than once are
     * found by one aggregation over (id, file, line) and collected; rows are then marked by a broadcast join, so the
     * texts are never shuffled. Read {@code rows} from a cache: they are scanned twice.
     */
    public static Dataset<Row> markDuplicateIds(Dataset<Row> rows) {
        List<Row> firstUses = rows.filter(col(InputRows.REASON).isNull())
                .groupBy(col(InputRows.ID))
                .agg(count("*").as("uses"), min(struct(col(InputRows.SOURCE), col(InputRows.LINE))).as("first"))
                .filter(col("uses").gt(1))
                .select(col(InputRows.ID), col("first." + InputRows.SOURCE), col("first." + InputRows.LINE))
                .collectAsList().stream()
                .map(r -> RowFactory.create(r.getString(0), r.getString(1), r.getLong(2)))
                .toList();
        if (firstUses.isEmpty()) {
            return rows;
        }
        Dataset<Row> first = rows.sparkSession().createDataFrame(firstUses, FIRST_USE);
        Column isLater = col(InputRows.REASON).isNull().and(col("_dup_id").isNotNull())
                .and(col(InputRows.SOURCE).notEqual(col("_first_source"))
                        .or(col(InputRows.LINE).notEqual(col("_first_line"))));
        return rows.join(broadcast(first), col(InputRows.ID).equalTo(col("_dup_id")), "left_outer")
                .withColumn("_later", isLater)
                .withColumn(InputRows.REASON, when(col("_later"), lit(QuarantineReason.DUPLICATE_ID.name()))
                        .otherwise(col(InputRows.REASON)))
                .withColumn(InputRows.MESSAGE, when(col("_later"), lit("id already used by an earlier row"))
                        .otherwise(col(InputRows.MESSAGE)))
                .select(Arrays.stream(InputRows.SCHEMA.fieldNames()).map(name -> col(name)).toArray(Column[]::new));
    }

    /** Counts the ingested rows and the quarantined ones per reason, in one pass. */
    public static Counts counts(Dataset<Row> ingested) {
        Map<String, Long> quarantined = new TreeMap<>();
        long rows = 0;
        for (Row row : ingested.groupBy(InputRows.REASON).count().collectAsList()) {
            rows += row.getLong(1);
            if (!row.isNullAt(0)) {
                quarantined.put(row.getString(0), row.getLong(1));
            }
        }
        return new Counts(rows, quarantined);
    }
}
