package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordCutterTest {
    private static List<RawRecord> cut(String csv, int maxRecordBytes) {
        return cut(csv.getBytes(StandardCharsets.UTF_8), maxRecordBytes);
    }

    private static List<RawRecord> cut(byte[] csv, int maxRecordBytes) {
        CsvRecordCutter cutter = new CsvRecordCutter(new BufferedInputStream(new ByteArrayInputStream(csv)),
                maxRecordBytes);
        List<RawRecord> records = new ArrayList<>();
        cutter.forEachRemaining(records::add);
        return records;
    }

    private static long[] lines(List<RawRecord> records) {
        return records.stream().mapToLong(RawRecord::startLine).toArray();
    }

    @Test
    void multiLineQuotedFieldsKeepTheirStartLine() {
        String csv = "id,text\n1,\"two\nlines\"\n2,plain\n3,\"with \"\"quotes\"\", and comma\"\r\n";
        List<RawRecord> records = cut(csv, 1000);
        assertArrayEquals(new long[] {1, 2, 4, 5}, lines(records));
        assertEquals(2, records.get(1).lineCount());
        assertEquals("1,\"two\nlines\"", new String(records.get(1).bytes(), StandardCharsets.UTF_8));
        records.forEach(r -> assertNull(r.problem()));
    }

    @Test
    void unclosedQuoteLosesOnlyItsOwnLine() {
        String csv = "id,text\n1,\"never closed\n2,fine\n3,also fine\n";
        List<RawRecord> records = cut(csv, 1000);
        assertArrayEquals(new long[] {1, 2, 3, 4}, lines(records));
        assertEquals(QuarantineReason.UNBALANCED_QUOTE, records.get(1).problem());
        assertNull(records.get(2).problem());
        assertNull(records.get(3).problem());
    }

    @Test
    void strayQuoteBeforeMultiLineRecordsCostsOneLine() {
        String good = "1,\"two \"\"quoted\"\" words\nand a second line\"\n";
        String csv = "id,text\n" + "9,\"stray\n" + good + good.replace("1,", "2,");
        CsvRecordCutter cutter = new CsvRecordCutter(
                new BufferedInputStream(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))), 1000);
        CsvRowParser parser = new CsvRowParser(2);
        List<String> outcome = new ArrayList<>();
        while (cutter.hasNext()) {
            RawRecord record = cutter.next();
            CsvRowParser.Parsed parsed = parser.parse(record);
            if (parsed.reason() == QuarantineReason.MALFORMED_CSV && record.lineCount() > 1) {
                record = cutter.cutBack(record);
                parsed = parser.parse(record);
            }
            outcome.add(record.startLine() + ":" + (parsed.reason() == null ? parsed.fields().get(0) : parsed.reason()));
        }
        assertEquals(List.of("1:id", "2:UNBALANCED_QUOTE", "3:1", "5:2"), outcome);
    }

    @Test
    void quoteOpenPastTheSizeLimitIsCutBack() {
        StringBuilder csv = new StringBuilder("id,text\n1,\"opens here\n");
        for (int i = 2; i < 40; i++) {
            csv.append(i).append(",row ").append(i).append('\n');
        }
        List<RawRecord> records = cut(csv.toString(), 64);
        assertEquals(QuarantineReason.UNBALANCED_QUOTE, records.get(1).problem());
        assertEquals(40, records.size(), "header, the broken line and 38 good rows");
        assertEquals(40, records.get(records.size() - 1).startLine());
    }

    @Test
    void blankLinesAreSkippedAndLinesStillCount() {
        List<RawRecord> records = cut("id,text\n\n1,a\n   \n2,b", 100);
        assertArrayEquals(new long[] {1, 3, 5}, lines(records));
    }

    @Test
    void parserReportsReasonsWithoutContent() {
        CsvRowParser parser = new CsvRowParser(2);
        RawRecord junk = new RawRecord(7, 1, "1,\"secret\"junk".getBytes(StandardCharsets.UTF_8), null);
        CsvRowParser.Parsed parsed = parser.parse(junk);
        assertEquals(QuarantineReason.MALFORMED_CSV, parsed.reason());
        assertEquals(false, parsed.message().contains("secret"));
        assertEquals(QuarantineReason.WRONG_COLUMN_COUNT,
                parser.parse(new RawRecord(3, 1, "1,2,3".getBytes(StandardCharsets.UTF_8), null)).reason());
        byte[] invalid = {'1', ',', (byte) 0xC3, (byte) 0x28};
        assertEquals(QuarantineReason.INVALID_UTF8, parser.parse(new RawRecord(4, 1, invalid, null)).reason());
        assertEquals(List.of("1", "a \"b\", c"),
                parser.parse(new RawRecord(5, 1, "1,\"a \"\"b\"\", c\"".getBytes(StandardCharsets.UTF_8), null))
                        .fields());
    }
}
