package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvRowParserTest {
    /** Characters that matter to CSV, and a few that do not. */
    private static final String ALPHABET = "ab ,\"\"\n\t\r;é";

    @Test
    void theQuickPathGivesCommonsCsvsFieldsOrStandsAside() {
        Random random = new Random(17);
        int quick = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder record = new StringBuilder();
            int length = random.nextInt(14);
            for (int c = 0; c < length; c++) {
                record.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = record.toString();
            List<String> fast = CsvRowParser.quickFields(text);
            if (fast == null) {
                continue;
            }
            quick++;
            List<String> commons;
            try {
                commons = CsvRowParser.commonsFields(text);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("quick path accepted what Commons CSV rejects: [" + text + "]", e);
            }
            assertEquals(commons, fast, "[" + text + "]");
        }
        assertEquals(true, quick > 20_000, "the quick path was exercised (" + quick + " records)");
    }

    @Test
    void wellFormedRecordsTakeTheQuickPath() {
        assertNotNull(CsvRowParser.quickFields("n1,p1,\"a \"\"quoted\"\" word, and\nmore\",x"));
        assertEquals(List.of("n1", "", "a \"q\" b", ""), CsvRowParser.quickFields("n1,,\"a \"\"q\"\" b\"  ,"));
        assertEquals(List.of("a\"b", "c"), CsvRowParser.quickFields("a\"b,c"));
    }
}
