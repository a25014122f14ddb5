package dev.enclave.prep;

import dev.enclave.deid.Deidentifier;
import dev.enclave.deid.PhiType;
import dev.enclave.deid.Redaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Spark task function: replaces the identifiers in each row's text (surrogates consistent per group), counts what it
 * replaced per PHI kind and lists the distinct surrogates it inserted (for the residual scan). The detector set is
 * built once per task.
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
                Map<String, String> surrogates = new TreeMap<>();
                for (int i = 0; i < redaction.spans().size(); i++) {
                    PhiType type = redaction.spans().get(i).type();
                    counts.merge(type.name(), 1, Integer::sum);
                    String replacement = redaction.replacements().get(i);
                    if (!replacement.equals(Deidentifier.mask(type))) {
                        surrogates.putIfAbsent(replacement, type.name());
                    }
                }
                List<Row> inserted = new ArrayList<>(surrogates.size());
                surrogates.forEach((value, type) -> inserted.add(RowFactory.create(value, type)));
                return RowFactory.create(row.getAs(InputRows.SOURCE), row.getAs(InputRows.LINE), row.getAs(InputRows.ID),
                        group, redaction.text(), row.getAs(InputRows.LABEL),
                        scala.jdk.javaapi.CollectionConverters.asScala(counts),
                        scala.jdk.javaapi.CollectionConverters.asScala(inserted).toSeq());
            }
        };
    }
}
