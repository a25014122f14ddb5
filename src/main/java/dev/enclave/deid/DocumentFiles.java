package dev.enclave.deid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads documents and span files, writes de-identified JSONL. Input documents come from JSONL lines
 * {@code {"id","text"}} or from a CSV file with a header; span files hold lines {@code {"id","spans":[{"start",
 * "end","type"}]}} with code point offsets. Every error names the file and line and never the text.
 */
public final class DocumentFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which fields or columns hold the id, the text and the optional group key. */
    public record Columns(String id, String text, String group) {

        public static Columns defaults() {
            return new Columns("id", "text", null);
        }
    }

    private DocumentFiles() {
    }

    /** Reads every document; a file whose name ends in .csv is read as CSV, anything else as JSONL. */
    public static List<SourceDocument> readDocuments(Path file, Columns columns) throws DeidInputException {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? readCsv(file, columns) : readJsonl(file, columns);
    }

    private static List<SourceDocument> readJsonl(Path file, Columns columns) throws DeidInputException {
        List<SourceDocument> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long line = 0;
            for (String s = reader.readLine(); s != null; s = reader.readLine()) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                JsonNode node = parse(file, line, s);
                String id = scalar(file, line, node, columns.id());
                String text = scalar(file, line, node, columns.text());
                String group = columns.group() == null ? id : scalar(file, line, node, columns.group());
                out.add(new SourceDocument(id, text, group, line));
            }
        } catch (IOException e) {
            throw new DeidInputException(file, 0, "cannot read (" + e.getClass().getSimpleName() + ")");
        } catch (UncheckedIOException e) {
            throw new DeidInputException(file, 0, "cannot read (" + e.getCause().getClass().getSimpleName() + ")");
        }
        return out;
    }

    private static List<SourceDocument> readCsv(Path file, Columns columns) throws DeidInputException {
        List<SourceDocument> out = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : new String[] {columns.id(), columns.text(), columns.group()}) {
                if (column != null && !header.containsKey(column)) {
                    throw new DeidInputException(file, 1, "no column \"" + column + "\" in the header");
                }
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    throw new DeidInputException(file, line, "record has " + record.size() + " fields, header has "
                            + header.size());
                }
                String id = record.get(columns.id());
                String group = columns.group() == null ? id : record.get(columns.group());
                out.add(new SourceDocument(id, record.get(columns.text()), group, line));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DeidInputException(file, 0, "malformed CSV or unreadable file ("
                    + csvLocation(e) + ")");
        }
        return out;
    }

    /** The location part of a Commons CSV error ("line: N, position: P"), without any content. */
    private static String csvLocation(Exception e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:startline|line)[: ]+\\s*\\d+(?:, position: \\d+)?")
                .matcher(message);
        return m.find() ? m.group() : e.getClass().getSimpleName();
    }

    /**
     * Reads a gold sample with its texts: lines {@code {"id","text","spans"}}, as a quality gate scores. Every span
     * must lie inside its text.
     */
    public static List<AnnotatedDocument> readAnnotated(Path file) throws DeidInputException {
        List<AnnotatedDocument> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long line = 0;
            for (String s = reader.readLine(); s != null; s = reader.readLine()) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                JsonNode node = parse(file, line, s);
                String id = scalar(file, line, node, "id");
                String text = scalar(file, line, node, "text");
                JsonNode spans = node.get("spans");
                if (spans == null || !spans.isArray()) {
                    throw new DeidInputException(file, line, "field \"spans\" missing or not an array");
                }
                int length = text.codePointCount(0, text.length());
                List<PhiSpan> list = new ArrayList<>(spans.size());
                for (int i = 0; i < spans.size(); i++) {
                    PhiSpan span = span(file, line, i, spans.get(i));
                    if (span.end() > length) {
                        throw new DeidInputException(file, line, "spans[" + i + "]: end " + span.end()
                                + " is past the end of the text (" + length + " code points)");
                    }
                    list.add(span);
                }
                out.add(new AnnotatedDocument(id, text, list));
            }
        } catch (IOException e) {
            throw new DeidInputException(file, 0, "cannot read (" + e.getClass().getSimpleName() + ")");
        }
        return out;
    }

    /** Reads a span file: document id to spans. */
    public static Map<String, List<PhiSpan>> readSpans(Path file) throws DeidInputException {
        Map<String, List<PhiSpan>> out = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long line = 0;
            for (String s = reader.readLine(); s != null; s = reader.readLine()) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                JsonNode node = parse(file, line, s);
                String id = scalar(file, line, node, "id");
                JsonNode spans = node.get("spans");
                if (spans == null || !spans.isArray()) {
                    throw new DeidInputException(file, line, "field \"spans\" missing or not an array");
                }
                List<PhiSpan> list = out.computeIfAbsent(id, k -> new ArrayList<>());
                for (int i = 0; i < spans.size(); i++) {
                    list.add(span(file, line, i, spans.get(i)));
                }
            }
        } catch (IOException e) {
            throw new DeidInputException(file, 0, "cannot read (" + e.getClass().getSimpleName() + ")");
        }
        return out;
    }

    private static PhiSpan span(Path file, long line, int index, JsonNode node) throws DeidInputException {
        String where = "spans[" + index + "]";
        JsonNode start = node.get("start");
        JsonNode end = node.get("end");
        JsonNode type = node.get("type");
        if (start == null || !start.canConvertToInt() || end == null || !end.canConvertToInt()) {
            throw new DeidInputException(file, line, where + ": \"start\" and \"end\" must be integers");
        }
        if (type == null || !type.isTextual()) {
            throw new DeidInputException(file, line, where + ": \"type\" must be a string");
        }
        PhiType phiType;
        try {
            phiType = PhiType.valueOf(type.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DeidInputException(file, line, where + ": unknown type \"" + type.asText() + "\"");
        }
        try {
            return PhiSpan.of(start.asInt(), end.asInt(), phiType);
        } catch (IllegalArgumentException e) {
            throw new DeidInputException(file, line, where + ": " + e.getMessage());
        }
    }

    /** One output line: id, redacted text and the spans (code points of the input). */
    public static void writeRedaction(Writer out, String id, Redaction redaction) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("text", redaction.text());
        ArrayNode spans = node.putArray("spans");
        for (PhiSpan s : redaction.spans()) {
            spans.addObject().put("start", s.start()).put("end", s.end()).put("type", s.type().name());
        }
        out.write(JSON.writeValueAsString(node));
        out.write('\n');
    }

    private static JsonNode parse(Path file, long line, String s) throws DeidInputException {
        try {
            JsonNode node = JSON.readTree(s);
            if (node == null || !node.isObject()) {
                throw new DeidInputException(file, line, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DeidInputException(file, line, "invalid JSON at column " + e.getLocation().getColumnNr());
        }
    }

    private static String scalar(Path file, long line, JsonNode node, String field) throws DeidInputException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw new DeidInputException(file, line, "field \"" + field + "\" missing or not a string");
        }
        return value.asText();
    }
}
