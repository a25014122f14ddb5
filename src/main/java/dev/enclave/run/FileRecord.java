package dev.enclave.run;

/**
 * A file a run read or wrote, as the manifest and the audit log list it.
 *
 * @param path relative to the run folder when inside it, else absolute
 * @param bytes size
 * @param sha256 content hash, hex
 * @param rows record count for data files, else null
 */
public record FileRecord(String path, long bytes, String sha256, Long rows) {}
