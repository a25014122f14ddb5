package dev.enclave.residency;

import java.util.List;

/**
 * What {@link AuditVerifier} found in a run folder.
 *
 * @param entries entries in the audit log
 * @param signature whether the entries are signed and whether the signatures were checked
 * @param chainHead sha256 of the last line: compare it with the value noted when the run ended to catch a cut-off or
 *     rewritten end of the log
 * @param runFilesChecked files inside the run folder whose hash was recomputed
 * @param outsideFilesChecked files outside the run folder (sources, model weights) found and recomputed
 * @param failures problems that mean the record or the outputs changed, the first broken entry or file first
 * @param warnings things a steward should know that do not break the record
 */
public record Verification(int entries, Signature signature, String chainHead, int runFilesChecked,
        int outsideFilesChecked, List<Finding> failures, List<Finding> warnings) {

    public Verification {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /** How the log is signed. */
    public enum Signature {
        /** No entry carries an HMAC. */
        UNSIGNED,
        /** Entries carry HMACs, and no key was given to check them. */
        SIGNED_NOT_CHECKED,
        /** Entries carry HMACs and each was checked with the steward's key. */
        SIGNED_CHECKED
    }

    /**
     * One problem.
     *
     * @param entry the audit entry concerned (its {@code seq}, which is its line number minus one), or null
     * @param path the file concerned, or null
     * @param message what is wrong, naming the entry or file; never file content
     */
    public record Finding(Integer entry, String path, String message) {}

    /** True when nothing failed. */
    public boolean passed() {
        return failures.isEmpty();
    }
}
