package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurrogateTest {

    private static final String NOTE = "Patient: John Smith. Seen by Dr. Maria Gonzalez on 3/14/2024. "
            + "Mr. Smith returns 3/28/2024. Phone 617-555-0134. MRN: 00482913.";

    private final Deidentifier deid = Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(11).build();

    @Test
    void sameNameSameSurrogateWithinAGroup() {
        String out = deid.redact(NOTE, "patient-1").text();
        assertFalse(out.contains("Smith") || out.contains("Gonzalez") || out.contains("617-555-0134")
                || out.contains("00482913"), out);
        String surname = out.replaceAll("(?s).*Patient: \\S+ (\\S+)\\..*", "$1");
        assertTrue(out.contains("Mr. " + surname + " returns"), out);
        assertEquals(out, deid.redact(NOTE, "patient-1").text());
        assertEquals(out, Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(11).build()
                .redact(NOTE, "patient-1").text());
    }

    @Test
    void otherGroupsAndSeedsGetOtherSurrogates() {
        String a = deid.redact(NOTE, "patient-1").text();
        String b = deid.redact(NOTE, "patient-2").text();
        String c = Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(12).build().redact(NOTE, "patient-1").text();
        assertNotEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void datesShiftByOneOffsetPerGroupKeepingIntervalsAndFormat() {
        DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/yyyy");
        for (String group : List.of("p1", "p2", "p3", "p4")) {
            String out = deid.redact("Seen 3/14/2024, again 3/28/2024.", group).text();
            var m = java.util.regex.Pattern.compile("(\\d{1,2}/\\d{1,2}/\\d{4}).*?(\\d{1,2}/\\d{1,2}/\\d{4})").matcher(out);
            assertTrue(m.find(), out);
            LocalDate first = LocalDate.parse(m.group(1), us);
            LocalDate second = LocalDate.parse(m.group(2), us);
            assertEquals(14, ChronoUnit.DAYS.between(first, second), out);
            long shift = ChronoUnit.DAYS.between(LocalDate.of(2024, 3, 14), first);
            assertTrue(shift != 0 && Math.abs(shift) <= 365, out);
        }
    }

    @Test
    void agesOverEightyNineBecomeNinety() {
        assertEquals("A 90-year-old woman.", deid.redact("A 97-year-old woman.").text());
    }

    @Test
    void identifiersKeepTheirShape() {
        String out = deid.redact("Call (617) 555-0134, SSN 123-45-6789, MRN: AB-00482913", "g").text();
        assertTrue(out.matches("Call \\(\\d{3}\\) \\d{3}-\\d{4}, SSN \\d{3}-\\d{2}-\\d{4}, MRN: [A-Z]{2}-\\d{8}"), out);
    }

    @Test
    void upperCaseNamesStayUpperCase() {
        String out = deid.redact("PT JOHN DOE, WIFE MARY AT BEDSIDE", "g").text();
        assertTrue(out.matches("PT [A-Z'-]+ [A-Z'-]+, WIFE [A-Z'-]+ AT BEDSIDE"), out);
        assertFalse(out.contains("JOHN") || out.contains("MARY"), out);
    }
}
