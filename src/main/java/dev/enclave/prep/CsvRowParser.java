package dev.enclave.prep;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns one {@link RawRecord} into its fields with Commons CSV's RFC 4180 rules, or into the reason it cannot be used:
 * bytes that are not UTF-8, CSV syntax errors (with Commons CSV's position), a field count unlike the header's. Well
 * formed records take a direct path that gives the fields Commons CSV would give; any record that path is not sure
 * of (a carriage return, a line break outside quotes, a quote that does not close, characters after a closing quote)
 * goes through Commons CSV itself, which decides and words the error.
 */
final class CsvRowParser implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final int columnCount;

    CsvRowParser(int columnCount) {
        this.columnCount = columnCount;
    }

    /** The outcome for one record: fields, or a reason with a message that never quotes the content. */
    record Parsed(List<String> fields, QuarantineReason reason, String message) {
        static Parsed rejected(QuarantineReason reason, String message) {
            return new Parsed(null, reason, message);
        }
    }

    Parsed parse(RawRecord raw) {
        if (raw.problem() != null) {
            return Parsed.rejected(raw.problem(), "a quoted field opened on this line never closes");
        }
        String text;
        try {
            text = decodeStrict(raw.bytes());
        } catch (CharacterCodingException e) {
            return Parsed.rejected(QuarantineReason.INVALID_UTF8, "bytes that are not valid UTF-8");
        }
        List<String> fields;
        try {
            fields = fields(text);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Parsed.rejected(QuarantineReason.MALFORMED_CSV, "CSV syntax error: " + position(e, raw.startLine()));
        }
        if (fields.size() != columnCount) {
            return Parsed.rejected(QuarantineReason.WRONG_COLUMN_COUNT,
                    "has " + fields.size() + " fields, the header has " + columnCount);
        }
        return new Parsed(fields, null, null);
    }

    /** Parses a single CSV record; used for the header too. */
    static List<String> fields(String record) throws IOException {
        List<String> quick = quickFields(record);
        return quick != null ? quick : commonsFields(record);
    }

    /** Commons CSV's fields for one record. */
    static List<String> commonsFields(String record) throws IOException {
        try (CSVParser parser = CSVParser.parse(record, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IOException("expected one record, found " + records.size());
            }
            return records.get(0).toList();
        }
    }

    /**
     * The fields of a record in the common, well-formed case, exactly as Commons CSV's RFC 4180 format reads them
     * (quotes open a field only as its first character, {@code ""} inside quotes is a quote, whitespace between a
     * closing quote and the delimiter is skipped); null when the record needs Commons CSV to decide.
     */
    static List<String> quickFields(String record) {
        if (record.isEmpty() || record.indexOf('\r') >= 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        int length = record.length();
        int at = 0;
        while (true) {
            if (at < length && record.charAt(at) == '"') {
                StringBuilder field = new StringBuilder();
                at++;
                while (true) {
                    int quote = record.indexOf('"', at);
                    if (quote < 0) {
                        return null;
                    }
                    field.append(record, at, quote);
                    if (quote + 1 < length && record.charAt(quote + 1) == '"') {
                        field.append('"');
                        at = quote + 2;
                    } else {
                        at = quote + 1;
                        break;
                    }
                }
                while (at < length && record.charAt(at) != ',') {
                    char c = record.charAt(at);
                    if (c == '\n' || !Character.isWhitespace(c)) {
                        return null;
                    }
                    at++;
                }
                fields.add(field.toString());
            } else {
                int comma = record.indexOf(',', at);
                int fieldEnd = comma < 0 ? length : comma;
                int newline = record.indexOf('\n', at);
                if (newline >= 0 && newline < fieldEnd) {
                    return null;
                }
                fields.add(record.substring(at, fieldEnd));
                at = fieldEnd;
            }
            if (at >= length) {
                return fields;
            }
            at++; // the delimiter
        }
    }

    static String decodeStrict(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /**
     * Commons CSV's message gives "line: N, position: P" relative to the record; shift the line to the file. Only the
     * location survives, never the content.
     */
    private static String position(Exception e, long startLine) {
        String message = String.valueOf(e.getMessage());
        var matcher = java.util.regex.Pattern.compile("line: (\\d+), position: (\\d+)").matcher(message);
        if (matcher.find()) {
            long line = startLine + Long.parseLong(matcher.group(1)) - 1;
            return "invalid character after a closing quote at line " + line + ", position " + matcher.group(2);
        }
        return "unparseable record";
    }
}
