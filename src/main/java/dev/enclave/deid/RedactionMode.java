package dev.enclave.deid;

/** What {@link Deidentifier#redact} puts in place of each PHI span. */
public enum RedactionMode {
    /** A typed mask such as {@code [NAME]} or {@code [DATE]}. */
    MASK,
    /**
     * A realistic surrogate, the same for the same original within one group key (a patient, a matter); dates are
     * shifted by one offset per group, keeping intervals and the written format.
     */
    SURROGATE
}
