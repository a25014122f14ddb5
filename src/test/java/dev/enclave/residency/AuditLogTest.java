package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;

    @Test
    void eachEntryCarriesTheHashOfThePreviousLineAcrossReopens() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (AuditLog log = AuditLog.open(file, clock)) {
            log.append(AuditEvent.of(AuditEvent.Type.RUN_START, null, Map.of("spec_sha256", "ab")));
            log.append(new AuditEvent(AuditEvent.Type.WRITE, "prepare", "prepared/train.parquet", 10L, "cd", 3L, null));
        }
        try (AuditLog log = AuditLog.open(file, clock)) {
            assertEquals(2, log.size());
            log.append(AuditEvent.of(AuditEvent.Type.RUN_END, null, Map.of("outcome", "succeeded")));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        String previous = AuditLog.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode entry = AuditLog.parse(lines.get(i));
            assertEquals(i, entry.get("seq").asInt());
            assertEquals(previous, entry.get("prev").asText());
            previous = AuditLog.hashOf(lines.get(i));
        }
        JsonNode write = AuditLog.parse(lines.get(1));
        assertEquals("write", write.get("event").asText());
        assertEquals(3, write.get("rows").asInt());
    }
}
