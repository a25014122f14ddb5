package dev.enclave.prep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads a byte stream line by line, numbering the lines from 1, with bulk reads into its own buffer. A line is the
 * bytes before a line feed, without a final carriage return; a last line without a line feed counts, an empty end
 * does not. Bytes, not characters: a line feed is one byte in UTF-8 and never part of a multi-byte character.
 */
final class LineReader {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private long nextNumber = 1;

    /** One line and its 1-based number. */
    record Line(long number, byte[] bytes) {}

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the input. */
    Line next() {
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    return take(i, i + 1);
                }
            }
            scanned = end - start;
            if (eof || !fill()) {
                eof = true;
                return start < end ? take(end, end) : null;
            }
        }
    }

    private Line take(int lineEnd, int resume) {
        int length = lineEnd - start;
        if (length > 0 && buffer[lineEnd - 1] == '\r') {
            length--;
        }
        byte[] bytes = Arrays.copyOfRange(buffer, start, start + length);
        start = resume;
        return new Line(nextNumber++, bytes);
    }

    /** Reads more input behind what is buffered; false at the end. */
    private boolean fill() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return false;
            }
            end += read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
