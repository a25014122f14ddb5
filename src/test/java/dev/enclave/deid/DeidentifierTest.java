package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeidentifierTest {

    private static final String ER_TRIAGE = """
            ER TRIAGE 2024-03-14T02:15
            PT JOHN DOE 95 YO M BIBA FROM SUNRISE NURSING HOME C/O SOB. WIFE MARY AT BEDSIDE. DR PATEL NOTIFIED.
            HX CHF, COPD, CAD. NKDA. VS T 99.1 HR 110 BP 90/60 SAT 88% RA. MRN 4471203. CALLBACK 617-555-0134.
            """;

    private static final String NURSING_NOTE = """
            Nsg 0700-1900: Pt A&Ox3, VSS. c/o pain 6/10 L hip, oxycodone 5mg PO @ 0930 w/ relief. Son (Marcus) called
            @ 1400, updated re: plan. Amb w/ PT x2. Foley d/c'd 3/15. Skin intact. Will cont to monitor. -- K. Thompson RN
            """;

    private static final String EMAIL_THREAD = """
            From: Alice Wong <alice.wong@whitakermoss.com>
            Sent: Thursday, March 14, 2024 9:12 AM
            To: Bob Martinez
            Subject: RE: Okafor intake

            Bob, our client Jennifer Okafor (member ID XJH448812) called from Tacoma, WA. Her new number is
            253-555-0172. Please calendar the deposition for 4/2.
            Thanks,
            Alice Wong
            Whitaker & Moss LLP | 1201 Pacific Ave, Suite 600, Tacoma, WA 98402
            """;

    private static final String COURT_FILING = """
            IN THE SUPERIOR COURT OF THE STATE OF CALIFORNIA
            IN AND FOR THE COUNTY OF ALAMEDA
            MARGARET ELLISON, Plaintiff,
            v.
            RIVERSIDE PROPERTY MANAGEMENT, LLC, Defendant.
            Case No. RG21-104455
            I, Thomas Greer, declare: I manage 4410 Telegraph Avenue, Oakland, California 94609. On or about
            June 3, 2021, Plaintiff telephoned (510) 555-0192. Executed on March 2, 2022 at Oakland, California.
            /s/ Thomas Greer
            """;

    private final Deidentifier deid = Deidentifier.builder().build();

    @Test
    void allCapsTriageNote() {
        List<String> found = Phi.texts(ER_TRIAGE);
        for (String phi : List.of("2024-03-14T02:15", "JOHN DOE", "95", "SUNRISE NURSING HOME", "MARY", "PATEL",
                "4471203", "617-555-0134")) {
            assertTrue(found.contains(phi), () -> phi + " not in " + found);
        }
        for (String clinical : List.of("CHF", "COPD", "NKDA", "SOB", "RA", "90/60")) {
            assertFalse(found.stream().anyMatch(f -> f.contains(clinical)), () -> clinical + " in " + found);
        }
    }

    @Test
    void abbreviatedNursingNote() {
        List<String> found = Phi.texts(NURSING_NOTE);
        assertTrue(found.containsAll(List.of("Marcus", "3/15", "K. Thompson")), found::toString);
        assertFalse(found.stream().anyMatch(f -> f.contains("6/10") || f.contains("0700") || f.contains("Foley")),
                found::toString);
    }

    @Test
    void emailThread() {
        List<String> found = Phi.texts(EMAIL_THREAD);
        for (String phi : List.of("Alice Wong", "alice.wong@whitakermoss.com", "Thursday, March 14, 2024 9:12 AM",
                "Bob Martinez", "Jennifer Okafor", "XJH448812", "Tacoma", "253-555-0172", "4/2",
                "Whitaker & Moss LLP", "1201 Pacific Ave, Suite 600", "98402")) {
            assertTrue(found.contains(phi), () -> phi + " not in " + found);
        }
    }

    @Test
    void courtFiling() {
        List<String> found = Phi.texts(COURT_FILING);
        for (String phi : List.of("ALAMEDA", "MARGARET ELLISON", "RIVERSIDE PROPERTY MANAGEMENT, LLC", "RG21-104455",
                "Thomas Greer", "4410 Telegraph Avenue", "Oakland", "94609", "June 3, 2021", "(510) 555-0192",
                "March 2, 2022")) {
            assertTrue(found.contains(phi), () -> phi + " not in " + found);
        }
        assertFalse(found.contains("CALIFORNIA") || found.contains("California"), found::toString);
    }

    @Test
    void offsetsAreCodePointsEvenAfterEmojiAndNonBmpCharacters() {
        String text = "\uD83D\uDE00\uD83D\uDC4D \uD835\uDD04 note for Dr. Maria Gonzalez on 3/14/2024 \uD83D\uDE00";
        List<PhiSpan> spans = deid.detect(text);
        assertEquals(2, spans.size(), spans::toString);
        int nameStart = text.codePointCount(0, text.indexOf("Maria"));
        assertEquals(nameStart, spans.get(0).start());
        assertEquals(nameStart + "Maria Gonzalez".length(), spans.get(0).end());
        assertEquals("3/14/2024", Phi.cut(text, spans.get(1)));
        Redaction masked = deid.redact(text);
        assertEquals("\uD83D\uDE00\uD83D\uDC4D \uD835\uDD04 note for Dr. [NAME] on [DATE] \uD83D\uDE00", masked.text());
        assertEquals(spans, masked.spans());
    }

    @Test
    void maskModeWritesTypedMasks() {
        Redaction r = deid.redact("Call Maria Gonzalez at 617-555-0134 or maria.g@example.com.");
        assertEquals("Call [NAME] at [PHONE] or [EMAIL].", r.text());
    }

    @Test
    void overlapsResolveToTheLongestSpanAndSameTypeNeighboursMerge() {
        AnalyzedText text = AnalyzedText.of("Ann Lee Smith at 10 Main St");
        List<PhiSpan> candidates = List.of(new PhiSpan(0, 3, PhiType.NAME, "a", 0.9),
                new PhiSpan(4, 7, PhiType.NAME, "a", 0.9), new PhiSpan(4, 13, PhiType.NAME, "b", 0.5),
                new PhiSpan(8, 13, PhiType.LOCATION, "c", 0.99), new PhiSpan(17, 27, PhiType.ADDRESS, "d", 0.9),
                new PhiSpan(20, 24, PhiType.NAME, "e", 0.99));
        List<PhiSpan> resolved = SpanResolver.resolve(candidates, text);
        assertEquals(List.of(new PhiSpan(0, 13, PhiType.NAME, "a", 0.9), new PhiSpan(17, 27, PhiType.ADDRESS, "d", 0.9)),
                resolved);
    }

    @Test
    void equalSpansPreferConfidenceThenTheMoreSpecificType() {
        AnalyzedText text = AnalyzedText.of("MRN 12345678");
        List<PhiSpan> resolved = SpanResolver.resolve(List.of(new PhiSpan(4, 12, PhiType.OTHER_ID, "shape", 0.5),
                new PhiSpan(4, 12, PhiType.MRN, "cue", 0.5)), text);
        assertEquals(PhiType.MRN, resolved.get(0).type());
    }

    @Test
    void serialisesAndGivesTheSameAnswersOnManyThreads() throws Exception {
        Deidentifier original = Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(3).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Deidentifier copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Deidentifier) in.readObject();
        }
        Redaction expected = original.redact(EMAIL_THREAD, "m1");
        assertEquals(expected, copy.redact(EMAIL_THREAD, "m1"));
        List<Redaction> parallel = IntStream.range(0, 64).parallel().mapToObj(i -> copy.redact(EMAIL_THREAD, "m1")).toList();
        assertTrue(parallel.stream().allMatch(expected::equals));
    }

    @Test
    void builderRejectsAnEmptyDetectorList() {
        assertThrows(IllegalStateException.class, () -> Deidentifier.builder().detectors(List.of()).build());
    }

    @Test
    void chosenDetectorsOnly() {
        Deidentifier datesOnly = Deidentifier.builder().detectors(List.of(new DateDetector())).build();
        assertEquals("Dr. Smith saw her on [DATE].", datesOnly.redact("Dr. Smith saw her on 3/14/2024.").text());
    }
}
