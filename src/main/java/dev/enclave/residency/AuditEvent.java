package dev.enclave.residency;

import java.util.Map;
import java.util.TreeMap;

/**
 * One thing that happened in a run, as it goes into the audit log. Paths inside the run folder are relative to it.
 * Never holds record content: counts, hashes, locations.
 *
 * @param type what happened
 * @param stage the stage it happened in, or null
 * @param path file or folder concerned, or null
 * @param bytes size in bytes, or null
 * @param sha256 content hash, or null
 * @param rows record count, or null
 * @param detail further facts, sorted by key
 */
public record AuditEvent(
        Type type, String stage, String path, Long bytes, String sha256, Long rows, Map<String, Object> detail) {

    /** Kinds of audit entries. */
    public enum Type {
        RUN_START, RUN_END, STAGE_START, STAGE_END, READ, WRITE, DELETE, MODEL_LOAD, POLICY_CHECK, EGRESS_ATTEMPT
    }

    public AuditEvent {
        detail = detail == null ? Map.of() : new TreeMap<>(detail);
    }

    public static AuditEvent of(Type type, String stage, Map<String, Object> detail) {
        return new AuditEvent(type, stage, null, null, null, null, detail);
    }
}
