package dev.enclave.prep;

import dev.enclave.EnclaveException;
import dev.enclave.spec.ColumnsSpec;
import dev.enclave.spec.DataSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Spark job that reads a JSON Lines file into {@link InputRows#SCHEMA} rows: one JSON object per line, each row with
 * its file and line number. Blank lines are skipped; every other line becomes a row, with a quarantine reason when it
 * is not a usable object ({@link JsonRowParser}) or breaks a row rule ({@link RowRules}).
 */
public final class JsonlIngest {
    private JsonlIngest() {}

    /** Reads {@code file}; {@code sourceName} is how rows name their file (as the spec wrote it). */
    public static Dataset<Row> read(SparkSession spark, Path file, String sourceName, DataSpec data, boolean labelled) {
        if (!Files.isRegularFile(file)) {
            throw EnclaveException.badInput(sourceName + ": input file not found");
        }
        ColumnsSpec columns = data.columns();
        String[] keys = {columns.id(), columns.group(), columns.text(), labelled ? columns.label() : null};
        LineToRow toRow = new LineToRow(sourceName, new JsonRowParser(keys),
                new RowRules(data.labels(), labelled, data.maxTextChars()));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = jsc.binaryFiles(file.toUri().toString(), 1).values().flatMap(toRow::rows);
        return spark.createDataFrame(rows, InputRows.SCHEMA);
    }

    /** The task-side function: one file's stream to rows, lazily. */
    private record LineToRow(String source, JsonRowParser parser, RowRules rules) implements Serializable {

        Iterator<Row> rows(PortableDataStream stream) {
            InputStream in = stream.open();
            LineReader lines = new LineReader(in);
            return new Iterator<>() {
                private LineReader.Line next = advance();

                private LineReader.Line advance() {
                    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                        if (!isBlank(line.bytes())) {
                            return line;
                        }
                    }
                    close(in);
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Row next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    LineReader.Line line = next;
                    next = advance();
                    return toRow(line);
                }
            };
        }

        private Row toRow(LineReader.Line line) {
            byte[] bytes = line.number() == 1 ? withoutBom(line.bytes()) : line.bytes();
            CsvRowParser.Parsed parsed = parser.parse(bytes);
            if (parsed.reason() != null) {
                return RowFactory.create(source, line.number(), null, null, null, null, parsed.reason().name(),
                        parsed.message(), new String(bytes, StandardCharsets.UTF_8));
            }
            List<String> values = parsed.fields();
            String id = values.get(0);
            String group = values.get(1);
            String text = values.get(2);
            String label = values.get(3);
            CsvRowParser.Parsed broken = rules.check(id, group, text, label);
            if (broken != null) {
                return RowFactory.create(source, line.number(), id, group, text, label, broken.reason().name(),
                        broken.message(), new String(bytes, StandardCharsets.UTF_8));
            }
            return RowFactory.create(source, line.number(), id, group, text, label, null, null, null);
        }

        private static byte[] withoutBom(byte[] bytes) {
            boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                    && (bytes[2] & 0xff) == 0xbf;
            return bom ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
        }

        private static boolean isBlank(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }

        private static void close(InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
