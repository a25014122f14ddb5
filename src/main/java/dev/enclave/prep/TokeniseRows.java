package dev.enclave.prep;

import dev.enclave.model.EncodedText;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.TextEncoderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Spark task function of the format step for {@code classification} and {@code masked-lm}: tokenises each row's
 * de-identified text with the model's {@code tokenizer.json} (special tokens added), truncating to the spec's token
 * limit, and maps the label to its index in the spec's label list (-1 without a label). One encoder per task; texts
 * are encoded {@value #BATCH} at a time in one native call.
 */
final class TokeniseRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 64;

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
            private final Deque<Row> ready = new ArrayDeque<>(BATCH);

            @Override
            public boolean hasNext() {
                if (ready.isEmpty()) {
                    fill();
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.removeFirst();
            }

            private void fill() {
                List<Row> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && rows.hasNext()) {
                    batch.add(rows.next());
                }
                if (batch.isEmpty()) {
                    encoder.close();
                    return;
                }
                List<EncodedText> encoded = encoder.encodeAll(batch.stream()
                        .map(row -> (String) row.getAs(PreparedRows.TEXT)).toList());
                for (int i = 0; i < batch.size(); i++) {
                    ready.add(toRow(batch.get(i), encoded.get(i)));
                }
            }
        };
    }

    private Row toRow(Row row, EncodedText encoded) {
        long[] ids = encoded.inputIds();
        int[] narrow = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            narrow[i] = Math.toIntExact(ids[i]);
        }
        String label = row.getAs(PreparedRows.LABEL);
        int labelIndex = label == null ? -1 : labels.indexOf(label);
        return RowFactory.create(row.getAs(PreparedRows.ID), row.getAs(PreparedRows.GROUP), row.getAs(PreparedRows.TEXT),
                label, labelIndex, row.getAs(PreparedRows.SPLIT),
                scala.collection.immutable.ArraySeq.unsafeWrapArray(narrow), ids.length, encoded.truncated());
    }
}
