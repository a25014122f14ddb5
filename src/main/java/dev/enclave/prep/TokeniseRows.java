package dev.enclave.prep;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Spark task function: tokenises each row's (de-identified) text with the model's {@code tokenizer.json}, truncating
 * to the spec's token limit, and maps the label to its index in the spec's label list. One tokenizer per task.
 */
final class TokeniseRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final String tokenizerJson;
    private final int maxTokens;
    private final List<String> labels;

    TokeniseRows(Path tokenizerJson, int maxTokens, List<String> labels) {
        this.tokenizerJson = tokenizerJson.toString();
        this.maxTokens = maxTokens;
        this.labels = new ArrayList<>(labels);
    }

    /** Opens the tokenizer with Enclave's settings: truncation on, no padding (batches pad later). */
    static HuggingFaceTokenizer open(Path tokenizerJson, int maxTokens) {
        try {
            return HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                    "maxLength", Integer.toString(maxTokens),
                    "truncation", "true",
                    "padding", "false",
                    "addSpecialTokens", "true"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + tokenizerJson, e);
        }
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        HuggingFaceTokenizer tokenizer = open(Path.of(tokenizerJson), maxTokens);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more) {
                    tokenizer.close();
                }
                return more;
            }

            @Override
            public Row next() {
                Row row = rows.next();
                String text = row.getAs(PreparedRows.TEXT);
                Encoding encoding = tokenizer.encode(text);
                long[] ids = encoding.getIds();
                int[] narrow = new int[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    narrow[i] = Math.toIntExact(ids[i]);
                }
                String label = row.getAs(PreparedRows.LABEL);
                int labelIndex = label == null ? -1 : labels.indexOf(label);
                return RowFactory.create(row.getAs(PreparedRows.ID), row.getAs(PreparedRows.GROUP), text, label,
                        labelIndex, row.getAs(PreparedRows.SPLIT), scala.collection.immutable.ArraySeq.unsafeWrapArray(narrow),
                        ids.length, encoding.exceedMaxLength());
            }
        };
    }
}
