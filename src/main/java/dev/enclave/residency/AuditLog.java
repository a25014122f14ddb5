package dev.enclave.residency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enclave.util.Hashing;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

/**
 * The run's append-only log, {@code audit.jsonl}: one JSON object per line, each carrying the sha256 of the previous
 * line ({@code prev}), so that changing, removing or reordering any line breaks the chain. Each line is flushed as it is
 * written, so a killed run keeps its record.
 */
public final class AuditLog implements Closeable {
    /** {@code prev} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;
    private final Clock clock;
    private long nextSeq;
    private String previousHash;

    private AuditLog(Path file, BufferedWriter out, Clock clock, long nextSeq, String previousHash) {
        this.file = file;
        this.out = out;
        this.clock = clock;
        this.nextSeq = nextSeq;
        this.previousHash = previousHash;
    }

    /** Opens {@code file} for appending, continuing the chain of whatever it already holds. */
    public static AuditLog open(Path file, Clock clock) {
        try {
            long seq = 0;
            String previous = GENESIS;
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                seq = lines.size();
                if (!lines.isEmpty()) {
                    previous = hashOf(lines.get(lines.size() - 1));
                }
            }
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new AuditLog(file, out, clock, seq, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open audit log " + file, e);
        }
    }

    /** Appends one entry and returns its sequence number. */
    public synchronized long append(AuditEvent event) {
        ObjectNode entry = JSON.createObjectNode();
        long seq = nextSeq++;
        entry.put("seq", seq);
        entry.put("time", clock.instant().toString());
        entry.put("event", event.type().name().toLowerCase(java.util.Locale.ROOT));
        putIfPresent(entry, "stage", event.stage());
        putIfPresent(entry, "path", event.path());
        if (event.bytes() != null) {
            entry.put("bytes", event.bytes());
        }
        putIfPresent(entry, "sha256", event.sha256());
        if (event.rows() != null) {
            entry.put("rows", event.rows());
        }
        if (!event.detail().isEmpty()) {
            entry.set("detail", JSON.valueToTree(event.detail()));
        }
        entry.put("prev", previousHash);
        String line = entry.toString();
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to audit log " + file, e);
        }
        previousHash = hashOf(line);
        return seq;
    }

    /** Number of entries written so far, including those found when the log was opened. */
    public synchronized long size() {
        return nextSeq;
    }

    public Path file() {
        return file;
    }

    /** The sha256 of one log line as written (without its line break): what the next entry's {@code prev} holds. */
    public static String hashOf(String line) {
        return Hashing.sha256Hex(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses one log line. */
    public static JsonNode parse(String line) throws IOException {
        return JSON.readTree(line);
    }

    private static void putIfPresent(ObjectNode entry, String field, String value) {
        if (value != null) {
            entry.put(field, value);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close audit log " + file, e);
        }
    }
}
