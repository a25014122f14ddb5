package dev.enclave.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a corpus as an RFC 4180 CSV (UTF-8, LF record separators, the text last) and its gold spans as JSON
 * Lines: {@code {"id":"...","spans":[{"start":S,"end":E,"type":"NAME"}]}} with code point offsets into the text.
 */
final class CorpusWriter {
    /** One document: its id, the columns between the id and the text, and the annotated text. */
    record Row(String id, List<String> columns, AnnotatedText text) {
        Row {
            columns = List.copyOf(columns);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CorpusWriter() {
    }

    static void write(Path csv, Path gold, List<String> header, List<Row> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (Row row : rows) {
                List<String> record = new ArrayList<>(row.columns().size() + 2);
                record.add(row.id());
                record.addAll(row.columns());
                record.add(row.text().text());
                if (record.size() != header.size()) {
                    throw new IllegalArgumentException(csv + ": row " + row.id() + " has " + record.size()
                            + " fields, header has " + header.size());
                }
                printer.printRecord(record);
            }
        }
        try (Writer out = Files.newBufferedWriter(gold, StandardCharsets.UTF_8)) {
            for (Row row : rows) {
                out.write(goldLine(row.id(), row.text().spans()));
                out.write('\n');
            }
        }
    }

    static String goldLine(String id, List<Span> spans) {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("document id needs no JSON escaping: " + id);
        }
        StringBuilder line = new StringBuilder("{\"id\":\"").append(id).append("\",\"spans\":[");
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            line.append(i == 0 ? "" : ",").append("{\"start\":").append(span.start()).append(",\"end\":").append(span.end())
                    .append(",\"type\":\"").append(span.type().name()).append("\"}");
        }
        return line.append("]}").toString();
    }
}
