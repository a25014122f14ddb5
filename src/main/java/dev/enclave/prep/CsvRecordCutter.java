package dev.enclave.prep;

import dev.enclave.prep.LineReader.Line;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Cuts a CSV byte stream into records at line breaks outside quotes, keeping each record's starting line number, so that
 * one broken record never takes the rest of the file with it. It works on bytes: a line feed and a double quote are
 * single bytes in UTF-8 and never part of a multi-byte character, so invalid UTF-8 is caught per record later.
 *
 * <p>A record whose quotes have not closed within {@code maxRecordBytes}, or by the end of the input, is cut back to its
 * first line and marked {@link QuarantineReason#UNBALANCED_QUOTE}; reading resumes on the next line. Blank lines
 * between records are skipped and counted. Field parsing is left to Commons CSV ({@link CsvRowParser}).
 */
final class CsvRecordCutter implements Iterator<RawRecord> {
    private final LineReader reader;
    private final int maxRecordBytes;
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private Deque<Line> lastRecordLines = new ArrayDeque<>();
    private long blankLines;
    private RawRecord next;

    CsvRecordCutter(InputStream in, int maxRecordBytes) {
        this.reader = new LineReader(in);
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Blank lines skipped so far. */
    long blankLines() {
        return blankLines;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = cut();
        }
        return next != null;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord record = next;
        next = null;
        return record;
    }

    private RawRecord cut() {
        Line first = nextNonBlankLine();
        if (first == null) {
            return null;
        }
        Deque<Line> lines = new ArrayDeque<>();
        lines.add(first);
        long quotes = countQuotes(first.bytes());
        int size = first.bytes().length;
        while (quotes % 2 != 0) {
            Line more = size > maxRecordBytes ? null : nextLine();
            if (more == null) {
                lines.removeFirst();
                while (!lines.isEmpty()) {
                    pushedBack.addFirst(lines.removeLast());
                }
                lastRecordLines = new ArrayDeque<>();
                return new RawRecord(first.number(), 1, first.bytes(), QuarantineReason.UNBALANCED_QUOTE);
            }
            lines.add(more);
            quotes += countQuotes(more.bytes());
            size += more.bytes().length + 1;
        }
        lastRecordLines = lines;
        return new RawRecord(first.number(), lines.size(), join(lines, size), null);
    }

    /**
     * Takes back the multi-line record just returned, which did not parse: its first line becomes a record of its own,
     * marked {@link QuarantineReason#UNBALANCED_QUOTE}, and reading resumes on its second line. A stray quote flips
     * the quote parity of everything after it; this is how one bad line stays one bad line.
     */
    RawRecord cutBack(RawRecord record) {
        if (next != null || record.lineCount() < 2 || lastRecordLines.isEmpty()
                || lastRecordLines.peekFirst().number() != record.startLine()) {
            throw new IllegalStateException("only the last multi-line record, before reading on, can be cut back");
        }
        Line first = lastRecordLines.removeFirst();
        while (!lastRecordLines.isEmpty()) {
            pushedBack.addFirst(lastRecordLines.removeLast());
        }
        return new RawRecord(first.number(), 1, first.bytes(), QuarantineReason.UNBALANCED_QUOTE);
    }

    private Line nextNonBlankLine() {
        for (Line line = nextLine(); line != null; line = nextLine()) {
            if (!isBlank(line.bytes())) {
                return line;
            }
            blankLines++;
        }
        return null;
    }

    private Line nextLine() {
        return pushedBack.isEmpty() ? reader.next() : pushedBack.removeFirst();
    }

    private static long countQuotes(byte[] bytes) {
        long count = 0;
        for (byte b : bytes) {
            if (b == '"') {
                count++;
            }
        }
        return count;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static byte[] join(Deque<Line> lines, int size) {
        byte[] joined = new byte[size];
        int at = 0;
        for (Line line : lines) {
            if (at > 0) {
                joined[at++] = '\n';
            }
            System.arraycopy(line.bytes(), 0, joined, at, line.bytes().length);
            at += line.bytes().length;
        }
        return joined;
    }
}
