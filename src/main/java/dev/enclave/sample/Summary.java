package dev.enclave.sample;

import dev.enclave.deid.PhiType;
import java.util.Map;

/**
 * What one run of the sample data generator wrote. Maps iterate in a fixed order (labels alphabetically, PHI
 * kinds in enum order).
 *
 * @param clinicalNotes rows of clinical-notes.csv
 * @param patients distinct patient ids among them
 * @param notesPerSpecialty notes per specialty label
 * @param notesPerType notes per note_type
 * @param legalCases rows of legal-cases.csv
 * @param matters distinct matter ids among them
 * @param casesPerType case files per case_type
 * @param spansPerType gold spans per PHI kind over both corpora
 * @param bytes total size of the four files written
 */
public record Summary(
        int clinicalNotes,
        int patients,
        Map<String, Integer> notesPerSpecialty,
        Map<String, Integer> notesPerType,
        int legalCases,
        int matters,
        Map<String, Integer> casesPerType,
        Map<PhiType, Integer> spansPerType,
        long bytes) {
}
