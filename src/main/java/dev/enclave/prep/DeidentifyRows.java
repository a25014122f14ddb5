package dev.enclave.prep;

import dev.enclave.deid.Deidentifier;
import dev.enclave.deid.PhiSpan;
import dev.enclave.deid.Redaction;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Spark task function: replaces the identifiers in each row's text (surrogates consistent per group) and counts
 * what it replaced per PHI kind. The detector set is built once per task.
 */
final class DeidentifyRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Deidentifier deidentifier;

    DeidentifyRows(Deidentifier deidentifier) {
        this.deidentifier = deidentifier;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                String group = row.getAs(InputRows.GROUP);
                Redaction redaction = deidentifier.redact(row.getAs(InputRows.TEXT), group);
                Map<String, Integer> counts = new TreeMap<>();
                for (PhiSpan span : redaction.spans()) {
                    counts.merge(span.type().name(), 1, Integer::sum);
                }
                return RowFactory.create(row.getAs(InputRows.SOURCE), row.getAs(InputRows.LINE), row.getAs(InputRows.ID),
                        group, redaction.text(), row.getAs(InputRows.LABEL),
                        scala.jdk.javaapi.CollectionConverters.asScala(counts));
            }
        };
    }
}
