package dev.enclave.sample;

import java.util.List;

/**
 * What a specialty's notes talk about, as templates (see {@link Template}). None of the lists names the specialty
 * or its department; only {@code departments} does, and composers use it for the minority of notes that say where
 * the patient is being sent. {@code chronic} are conditions of this specialty that show up in other patients'
 * histories as comorbidities.
 */
record SpecialtyLexicon(
        Specialty specialty,
        List<String> complaints,
        List<String> history,
        List<String> quotes,
        List<String> findings,
        List<String> diagnoses,
        List<String> medications,
        List<String> procedures,
        List<String> studies,
        List<String> imaging,
        List<String> labs,
        List<String> plans,
        List<String> nursing,
        List<String> chronic,
        List<String> departments) {
}
