package dev.enclave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.privacy.LeakScanResult;
import dev.enclave.privacy.PrivacyResult;
import dev.enclave.spec.PrivacySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The privacy section: gates, exposure and membership charts, and the leak scan or why it does not apply. */
class PrivacySectionTest {
    private static final PrivacySpec SPEC = new PrivacySpec(null, null, null, 5.0, 0.6, 0);

    private static String render(PrivacyResult privacy) {
        String html = ReportWriter.render(ReportData.builder().setRunId("r").setPipelineName("p").optPrivacy(privacy)
                .build());
        ReportWriterTest.parseXml(html);
        return html;
    }

    @Test
    void passingRunShowsEveryFigureAndSaysTheLeakScanDoesNotApply() {
        String html = ReportWriter.render(SampleReports.full());
        String text = ReportWriterTest.visibleText(html);
        for (String expected : List.of("Every privacy gate passed", "max_exposure", "max_membership_auc",
                "canary-2 (ssn) exposure in the tuned model", "6.40", "0.560 [0.50, 0.62]", "16 bits",
                "inserted 8 times", "does not generate text")) {
            assertTrue(text.contains(expected), expected + " missing from: " + text);
        }
        assertTrue(html.contains("aria-label=\"Canary exposure in bits"), "exposure chart");
        assertTrue(html.contains("aria-label=\"Membership-attack AUC"), "membership chart");
        assertEquals(2, count(html, "class=\"gate\""), "the gate line on both charts");
    }

    @Test
    void failedGatesAreNamedAndTheLeakScanTableShown() {
        LeakScanResult scan = new LeakScanResult(40, 6, Map.of("NAME", 5L, "PHONE", 2L), 4, List.of("canary-3"));
        String text = ReportWriterTest.visibleText(render(SampleReports.privacy(SPEC, new double[] {1, 1, 1, 1},
                new double[] {2, 9.5, 1, 1}, 0.7, scan)));
        for (String expected : List.of("3 privacy gates failed", "exit code 3",
                "privacy gate max_exposure failed: canary-2 (ssn) exposure in the tuned model is 9.500 bits",
                "NAME 5", "PHONE 2", "All types 7", "found identifiers in 6", "1 of 4 canaries reproduced verbatim:"
                        + " canary-3")) {
            assertTrue(text.contains(expected), expected + " missing from: " + text);
        }
        assertFalse(text.contains("Every privacy gate passed"));
    }

    @Test
    void aRunWithoutCanariesSaysSo() {
        String text = ReportWriterTest.visibleText(render(PrivacyResult.builder(SPEC).build()));
        assertTrue(text.contains("No privacy test ran"), text);
        assertTrue(text.contains("No canaries were inserted"), text);
        assertTrue(text.contains("The membership attack did not run."), text);
    }

    private static int count(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
