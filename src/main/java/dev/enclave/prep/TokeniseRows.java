package dev.enclave.prep;

import dev.enclave.model.EncodedText;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.TextEncoderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Spark task function: tokenises each row's (de-identified) text with the model's {@code tokenizer.json}, truncating
 * to the spec's token limit, and maps the label to its index in the spec's label list. One encoder per task.
 */
final class TokeniseRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final TextEncoderFactory encoders;
    private final List<String> labels;

    TokeniseRows(TextEncoderFactory encoders, List<String> labels) {
        this.encoders = encoders;
        this.labels = new ArrayList<>(labels);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        TextEncoder encoder;
        try {
            encoder = encoders.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more) {
                    encoder.close();
                }
                return more;
            }

            @Override
            public Row next() {
                Row row = rows.next();
                String text = row.getAs(PreparedRows.TEXT);
                EncodedText encoded = encoder.encode(text);
                long[] ids = encoded.inputIds();
                int[] narrow = new int[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    narrow[i] = Math.toIntExact(ids[i]);
                }
                String label = row.getAs(PreparedRows.LABEL);
                int labelIndex = label == null ? -1 : labels.indexOf(label);
                return RowFactory.create(row.getAs(PreparedRows.ID), row.getAs(PreparedRows.GROUP), text, label,
                        labelIndex, row.getAs(PreparedRows.SPLIT),
                        scala.collection.immutable.ArraySeq.unsafeWrapArray(narrow), ids.length, encoded.truncated());
            }
        };
    }
}
