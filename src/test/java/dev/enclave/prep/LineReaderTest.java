package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    /** Hands out at most a few bytes per read, so lines straddle every buffer refill. */
    private static InputStream trickle(byte[] bytes, long seed) {
        Random random = new Random(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
    }

    private static List<String> read(InputStream in) {
        LineReader reader = new LineReader(in);
        List<String> lines = new ArrayList<>();
        long expected = 1;
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            assertEquals(expected++, line.number());
            lines.add(new String(line.bytes(), StandardCharsets.UTF_8));
        }
        assertNull(reader.next());
        return lines;
    }

    @Test
    void linesAcrossRefillsAndLongLinesComeBackWhole() {
        Random random = new Random(3);
        List<String> written = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            int length = i % 500 == 7 ? 200_000 : random.nextInt(120);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < length; c++) {
                line.append((char) ('a' + random.nextInt(26)));
            }
            written.add(line.toString());
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(written, read(trickle(bytes, 1)));
        assertEquals(written, read(new ByteArrayInputStream(bytes)));
    }

    @Test
    void aLastLineWithoutLineFeedCountsAndAnEmptyEndDoesNot() {
        assertEquals(List.of("a", "", "b"), read(new ByteArrayInputStream("a\n\nb".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("a"), read(new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(), read(new ByteArrayInputStream(new byte[0])));
    }
}
