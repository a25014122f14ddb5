package dev.enclave.prep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Rules that need more than one row, and the tally of quarantined rows per reason. */
public final class Quarantine {
    private Quarantine() {}

    /**
     * Marks every row whose id an earlier row (by file, then line) already used as {@link QuarantineReason#DUPLICATE_ID};
     * the first row keeps the id. Only rows that passed the per-row rules compete.
     */
    public static Dataset<Row> markDuplicateIds(Dataset<Row> rows) {
        Dataset<Row> valid = rows.filter(col(InputRows.REASON).isNull());
        Dataset<Row> rejected = rows.filter(col(InputRows.REASON).isNotNull());
        var firstFirst = Window.partitionBy(col(InputRows.ID)).orderBy(col(InputRows.SOURCE), col(InputRows.LINE));
        Dataset<Row> ranked = valid.withColumn("_occurrence", row_number().over(firstFirst));
        var isLater = col("_occurrence").gt(1);
        Dataset<Row> marked = ranked
                .withColumn(InputRows.REASON, when(isLater, lit(QuarantineReason.DUPLICATE_ID.name()))
                        .otherwise(col(InputRows.REASON)))
                .withColumn(InputRows.MESSAGE, when(isLater, lit("id already used by an earlier row"))
                        .otherwise(col(InputRows.MESSAGE)))
                .drop("_occurrence");
        return marked.unionByName(rejected);
    }

    /** Number of rows per quarantine reason, sorted by reason. */
    public static Map<String, Long> countByReason(Dataset<Row> quarantined) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : quarantined.groupBy(InputRows.REASON).count().collectAsList()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return counts;
    }
}
