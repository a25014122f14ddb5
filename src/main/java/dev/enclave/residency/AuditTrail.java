package dev.enclave.residency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.util.Hashing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An audit log as stored, line by line, for checking and reporting: each line's exact bytes (which the chain hashes)
 * and its parsed entry when it is valid UTF-8 JSON.
 *
 * @param file the log
 * @param lines the lines in file order, without line breaks
 * @param endsWithLineBreak false when the last line was cut off (a run killed mid-write, or an edit)
 */
public record AuditTrail(Path file, List<Line> lines, boolean endsWithLineBreak) {

    public AuditTrail {
        lines = List.copyOf(lines);
    }

    /**
     * One line of the log.
     *
     * @param index position in the file, from 0 (line {@code index + 1})
     * @param text the line as UTF-8 text, or null when it is not valid UTF-8
     * @param entry the parsed JSON object, or null when the line is not one
     * @param sha256 hash of the line's bytes: what the next entry's {@code prev} must hold
     */
    public record Line(int index, String text, JsonNode entry, String sha256) {
        /** The entry's {@code event}, or the empty string. */
        public String event() {
            return entry == null ? "" : entry.path("event").asText("");
        }

        /** A field of the entry's {@code detail}, as a missing node when absent. */
        public JsonNode detail(String field) {
            return entry == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : entry.path("detail").path(field);
        }

        /** The entry's text field, if present. */
        public Optional<String> text(String field) {
            return entry == null || !entry.hasNonNull(field) ? Optional.empty()
                    : Optional.of(entry.get(field).asText());
        }
    }

    /** Reads {@code file}; a missing file stops with a bad-input error naming it. */
    public static AuditTrail read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw EnclaveException.badInput(file + ": no audit log here (is this a run folder?)");
        } catch (IOException e) {
            throw EnclaveException.badInput(file + ": cannot read the audit log (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && start == bytes.length) {
                    break;
                }
                lines.add(line(lines.size(), Arrays.copyOfRange(bytes, start, i)));
                start = i + 1;
            }
        }
        boolean complete = bytes.length == 0 || bytes[bytes.length - 1] == '\n';
        return new AuditTrail(file, lines, complete);
    }

    /** The parsed entries of a given event type, in order. */
    public List<Line> events(AuditEvent.Type type) {
        String name = type.name().toLowerCase(java.util.Locale.ROOT);
        return lines.stream().filter(line -> line.event().equals(name)).toList();
    }

    private static Line line(int index, byte[] raw) {
        String sha256 = Hashing.sha256Hex(raw);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new Line(index, null, null, sha256);
        }
        JsonNode entry;
        try {
            entry = AuditLog.parse(text);
        } catch (IOException e) {
            entry = null;
        }
        return new Line(index, text, entry != null && entry.isObject() ? entry : null, sha256);
    }
}
