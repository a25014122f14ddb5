package dev.enclave.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.enclave.residency.AuditEvent;
import dev.enclave.residency.AuditLog;
import dev.enclave.residency.ResidencyPolicy;
import dev.enclave.util.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one way stages touch files: each path is checked against the residency policy before it is opened, and each
 * read, write and delete goes into the audit log with its size and sha256.
 */
public final class RunFiles {
    /** JSON as Enclave writes it: snake_case names, sorted map keys, indented, so equal content gives equal bytes. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final RunFolder folder;
    private final ResidencyPolicy policy;
    private final AuditLog audit;

    RunFiles(RunFolder folder, ResidencyPolicy policy, AuditLog audit) {
        this.folder = folder;
        this.policy = policy;
        this.audit = audit;
    }

    /** Checks a path before it is opened; returns its canonical form. */
    public Path check(Path path, String purpose) {
        return policy.check(path, purpose);
    }

    /** Records that {@code stage} read {@code file} ({@code rows} records, or null). */
    public FileRecord recordRead(String stage, Path file, Long rows) {
        FileRecord record = describe(check(file, "read"), rows);
        audit.append(new AuditEvent(AuditEvent.Type.READ, stage, record.path(), record.bytes(), record.sha256(),
                rows, null));
        return record;
    }

    /** Records that {@code stage} wrote {@code file}, after it was written. */
    public FileRecord recordWrite(String stage, Path file, Long rows) {
        FileRecord record = describe(check(file, "write"), rows);
        audit.append(new AuditEvent(AuditEvent.Type.WRITE, stage, record.path(), record.bytes(), record.sha256(),
                rows, null));
        return record;
    }

    /** Deletes {@code file} if present and records it. */
    public void delete(String stage, Path file) {
        Path checked = check(file, "delete");
        try {
            if (Files.deleteIfExists(checked)) {
                audit.append(new AuditEvent(AuditEvent.Type.DELETE, stage, folder.relative(checked), null, null, null,
                        null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + checked, e);
        }
    }

    public FileRecord writeString(String stage, Path file, String content) {
        Path checked = check(file, "write");
        try {
            Files.createDirectories(checked.getParent());
            Files.writeString(checked, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + checked, e);
        }
        return recordWrite(stage, checked, null);
    }

    public FileRecord writeJson(String stage, Path file, Object value) {
        try {
            return writeString(stage, file, JSON.writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + file.getFileName(), e);
        }
    }

    /** Creates a folder inside the run's allowed roots. */
    public Path createDirectories(Path dir) {
        Path checked = check(dir, "create folder");
        try {
            return Files.createDirectories(checked);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + checked, e);
        }
    }

    public AuditLog audit() {
        return audit;
    }

    public void event(AuditEvent.Type type, String stage, Map<String, Object> detail) {
        audit.append(AuditEvent.of(type, stage, detail));
    }

    private FileRecord describe(Path file, Long rows) {
        try {
            return new FileRecord(folder.relative(file), Files.size(file), Hashing.sha256Hex(file), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + file, e);
        }
    }
}
