package dev.enclave.residency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enclave.EnclaveException;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's append-only log, {@code audit.jsonl}: one JSON object per line, each carrying the sha256 of the previous
 * line ({@code prev}), so that changing, removing or reordering any line breaks the chain. Each line is flushed as it
 * is written, so a killed run keeps its record. With a steward's {@link AuditKey} every line also ends with
 * {@code "hmac"}: the HMAC-SHA256 of the line as it reads without that field. {@link AuditVerifier} checks both.
 */
public final class AuditLog implements Closeable {
    /** {@code prev} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The field that holds an entry's HMAC, always last on a signed line. */
    public static final String HMAC_FIELD = "hmac";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGNATURE = Pattern.compile(",\"" + HMAC_FIELD + "\":\"([0-9a-f]{64})\"}$");

    private final Path file;
    private final BufferedWriter out;
    private final Clock clock;
    private final AuditKey key;
    private long nextSeq;
    private String previousHash;

    private AuditLog(Path file, BufferedWriter out, Clock clock, AuditKey key, long nextSeq, String previousHash) {
        this.file = file;
        this.out = out;
        this.clock = clock;
        this.key = key;
        this.nextSeq = nextSeq;
        this.previousHash = previousHash;
    }

    /** Opens {@code file} for appending, unsigned, continuing the chain of whatever it already holds. */
    public static AuditLog open(Path file, Clock clock) {
        return open(file, clock, Optional.empty());
    }

    /**
     * Opens {@code file} for appending, continuing the chain of whatever it already holds; entries are signed with
     * {@code key} when present. A log is signed throughout or not at all: continuing a signed log needs the key that
     * signed it, and an unsigned one cannot be continued with a key. The key file must lie outside the log's folder.
     */
    public static AuditLog open(Path file, Clock clock, Optional<AuditKey> key) {
        key.ifPresent(k -> k.requireOutside(file.toAbsolutePath().getParent()));
        try {
            long seq = 0;
            String previous = GENESIS;
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                seq = lines.size();
                if (!lines.isEmpty()) {
                    String last = lines.get(lines.size() - 1);
                    requireSameSigning(file, last, key);
                    previous = hashOf(last);
                }
            }
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new AuditLog(file, out, clock, key.orElse(null), seq, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open audit log " + file, e);
        }
    }

    private static void requireSameSigning(Path file, String lastLine, Optional<AuditKey> key) {
        Optional<String> hmac = hmacOf(lastLine);
        if (hmac.isPresent() && key.isEmpty()) {
            throw EnclaveException.badInput(file + " is signed; give the steward's key (--key-file or "
                    + AuditKey.ENVIRONMENT_VARIABLE + ") to continue it");
        }
        if (hmac.isEmpty() && key.isPresent()) {
            throw EnclaveException.badInput(file + " was started without a key; continue it without one (unset "
                    + AuditKey.ENVIRONMENT_VARIABLE + ", drop --key-file)");
        }
        if (hmac.isPresent() && !AuditKey.constantTimeEquals(hmac.get(), key.get().sign(unsignedText(lastLine)))) {
            throw EnclaveException.badInput("the audit key from " + key.get().source() + " is not the key that signed "
                    + file);
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
        if (key != null) {
            line = line.substring(0, line.length() - 1) + ",\"" + HMAC_FIELD + "\":\"" + key.sign(line) + "\"}";
        }
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

    /** The id of the key that signs this log's entries, if it is signed. */
    public Optional<String> keyId() {
        return Optional.ofNullable(key).map(AuditKey::id);
    }

    /** The HMAC a signed line ends with, if it has one. */
    public static Optional<String> hmacOf(String line) {
        Matcher matcher = SIGNATURE.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A line as it reads without its HMAC: the text the HMAC was computed over. */
    public static String unsignedText(String line) {
        Matcher matcher = SIGNATURE.matcher(line);
        return matcher.find() ? line.substring(0, matcher.start()) + "}" : line;
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
