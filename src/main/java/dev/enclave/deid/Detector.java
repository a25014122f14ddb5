package dev.enclave.deid;

import java.io.Serializable;
import java.util.List;

/**
 * Finds one family of PHI in a text. Implementations are immutable and thread-safe: one instance serves every
 * thread and every Spark task that deserialises it. Spans may overlap; {@link Deidentifier} resolves overlaps.
 */
public interface Detector extends Serializable {

    /** Short stable id, recorded in every span this detector produces. */
    String id();

    /** Candidate spans in code points of {@code text.text()}. */
    List<PhiSpan> detect(AnalyzedText text);
}
