package dev.enclave.prep;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns one {@link RawRecord} into its fields with Commons CSV (RFC 4180), or into the reason it cannot be used: bytes
 * that are not UTF-8, CSV syntax errors (with Commons CSV's position), a field count unlike the header's.
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
        try (CSVParser parser = CSVParser.parse(record, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IOException("expected one record, found " + records.size());
            }
            return records.get(0).toList();
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
