package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameDetectorTest {

    private final NameDetector detector = new NameDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Seen by Dr. Maria Gonzalez this morning.|Maria Gonzalez",
        "Mrs. Okonkwo tolerated the procedure.|Okonkwo",
        "Patient: John Smith|John Smith",
        "Patient Name: WASHINGTON, GEORGE T|WASHINGTON, GEORGE T",
        "cc: Lindqvist, Erik|Lindqvist, Erik",
        "Electronically signed by: Robert K. Chen, MD|Robert K. Chen",
        "Dear Ms. Delgado,|Delgado",
        "Spoke with daughter Chioma by phone.|Chioma",
        "Her husband Emeka was present.|Emeka",
        "Discussed with wife Rose at bedside.|Rose",
        "Rebecca Stein-Morales, MD, FCCP|Rebecca Stein-Morales",
        "Smith v. Jones was decided|Smith",
        "Smith v. Jones was decided|Jones",
        "/s/ Thomas Greer|Thomas Greer",
        "Referred by Xiomara Quintanilla for evaluation|Xiomara Quintanilla",
        "Plan reviewed with attending Dr. Ramirez-Soto.|Ramirez-Soto",
        "-- K. Thompson RN|K. Thompson",
        "PT JOHN DOE 95 YO M, WIFE MARY AT BEDSIDE|JOHN DOE",
        "PT JOHN DOE 95 YO M, WIFE MARY AT BEDSIDE|MARY",
        "DR PATEL NOTIFIED OF LABS|PATEL",
        "pt seen by dr smith today|smith",
        "called maria gonzalez at home|maria gonzalez",
        "per Dr. O'Brien ok to discharge|O'Brien",
        "Jennifer Okafor called about refills.|Jennifer Okafor",
        "I, Thomas Greer, declare as follows|Thomas Greer"
    })
    void findsNames(String text, String expected) {
        assertTrue(Phi.texts(detector, text).contains(expected), () -> Phi.texts(detector, text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "History of Parkinson disease and Hodgkin lymphoma.",
        "Crohn's disease in remission; Bell's palsy resolved.",
        "Positive Murphy sign, negative Homans sign.",
        "Stevens-Johnson syndrome ruled out.",
        "He may return in two weeks. Will follow up as needed.",
        "Foley catheter removed. Gram stain pending.",
        "Lasix 40 mg IV given; Tylenol PRN; Coumadin held.",
        "Chief Complaint: Chest Pain. Assessment and Plan below.",
        "HX CHF, COPD, CAD. NKDA. VS STABLE. ED COURSE UNREMARKABLE.",
        "Grace period for the payment. Faith in the process.",
        "E. coli bacteremia treated with ceftriaxone."
    })
    void ignoresClinicalVocabulary(String text) {
        assertEquals(List.of(), Phi.texts(detector, text));
    }
}
