package dev.enclave.prep;

import dev.enclave.EnclaveException;
import dev.enclave.spec.ColumnsSpec;
import dev.enclave.spec.DataSpec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Spark job that reads a CSV file into {@link InputRows#SCHEMA} rows, every record with its file and starting line.
 * Records are cut by {@link CsvRecordCutter} and parsed by Commons CSV inside the task (Spark's own CSV reader gives no
 * line numbers and silently absorbs an unterminated quote). Rows that break a rule carry a reason instead of being
 * dropped; duplicate ids are marked later by {@link Quarantine}.
 */
public final class CsvIngest {
    private CsvIngest() {}

    /** Reads {@code file}; {@code sourceName} is how rows name their file (as the spec wrote it). */
    public static Dataset<Row> read(SparkSession spark, Path file, String sourceName, DataSpec data, boolean labelled) {
        List<String> header = header(file, sourceName);
        ColumnsSpec columns = data.columns();
        int[] indices = {
            indexOf(header, columns.id(), "id", sourceName),
            indexOf(header, columns.group(), "group", sourceName),
            indexOf(header, columns.text(), "text", sourceName),
            labelled ? indexOf(header, columns.label(), "label", sourceName) : -1
        };
        RecordToRow toRow = new RecordToRow(sourceName, new CsvRowParser(header.size()),
                new RowRules(data.labels(), labelled, data.maxTextChars()), indices, maxRecordBytes(data));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = jsc.binaryFiles(file.toUri().toString(), 1).values().flatMap(toRow::rows);
        return spark.createDataFrame(rows, InputRows.SCHEMA);
    }

    private static int maxRecordBytes(DataSpec data) {
        return (int) Math.min(Integer.MAX_VALUE - 16, 4L * data.maxTextChars() + (1 << 16));
    }

    private static List<String> header(Path file, String sourceName) {
        if (!Files.isRegularFile(file)) {
            throw EnclaveException.badInput(sourceName + ": input file not found");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            skipBom(in);
            CsvRecordCutter cutter = new CsvRecordCutter(in, 1 << 20);
            if (!cutter.hasNext()) {
                throw EnclaveException.badInput(sourceName + ":1: file is empty; expected a header row");
            }
            RawRecord first = cutter.next();
            return CsvRowParser.fields(CsvRowParser.decodeStrict(first.bytes()));
        } catch (IOException e) {
            throw EnclaveException.badInput(sourceName + ":1: cannot read the header row (" + e.getMessage() + ")", e);
        }
    }

    private static int indexOf(List<String> header, String column, String role, String sourceName) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw EnclaveException.badInput(sourceName + ":1: header has no column '" + column
                    + "' (data.columns." + role + "); it has " + header);
        }
        return index;
    }

    static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
            in.reset();
        }
    }

    /** The task-side function: one file's stream to rows, lazily. */
    private record RecordToRow(String source, CsvRowParser parser, RowRules rules, int[] indices, int maxRecordBytes)
            implements java.io.Serializable {

        Iterator<Row> rows(PortableDataStream stream) {
            InputStream in = new BufferedInputStream(stream.open(), 1 << 16);
            try {
                skipBom(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CsvRecordCutter cutter = new CsvRecordCutter(in, maxRecordBytes);
            if (cutter.hasNext()) {
                cutter.next(); // header
            }
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = cutter.hasNext();
                    if (!more) {
                        closeQuietly(in);
                    }
                    return more;
                }

                @Override
                public Row next() {
                    return toRow(cutter, cutter.next());
                }
            };
        }

        private static void closeQuietly(InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Row toRow(CsvRecordCutter cutter, RawRecord record) {
            RawRecord raw = record;
            CsvRowParser.Parsed parsed = parser.parse(raw);
            if (parsed.reason() == QuarantineReason.MALFORMED_CSV && raw.lineCount() > 1) {
                raw = cutter.cutBack(raw);
                parsed = parser.parse(raw);
            }
            if (parsed.reason() != null) {
                String rawText = new String(raw.bytes(), java.nio.charset.StandardCharsets.UTF_8);
                return RowFactory.create(source, raw.startLine(), null, null, null, null, parsed.reason().name(),
                        parsed.message(), rawText);
            }
            List<String> fields = parsed.fields();
            String id = fields.get(indices[0]);
            String group = fields.get(indices[1]);
            String text = fields.get(indices[2]);
            String label = indices[3] < 0 ? null : fields.get(indices[3]);
            CsvRowParser.Parsed broken = rules.check(id, group, text, label);
            if (broken != null) {
                return RowFactory.create(source, raw.startLine(), id, group, text, label, broken.reason().name(),
                        broken.message(), new String(raw.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return RowFactory.create(source, raw.startLine(), id, group, text, label, null, null, null);
        }
    }
}
