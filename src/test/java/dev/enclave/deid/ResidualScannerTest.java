package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The second pass: what got through counts, Enclave's own masks and surrogates do not, in any case and spacing. */
class ResidualScannerTest {
    private static final String NOTE = "Seen by Dr. Helen Okafor on 3/14/2024. Patient John Whitaker, MRN 4471923,"
            + " lives at 22 Birch Lane, Dayton. Call (937) 555-0142. Follow up on March 28, 2024 with Dr. Okafor.";
    private static final ResidualScanner SCANNER = new ResidualScanner(Deidentifier.builder().build());

    /** What a lower-casing WordPiece round trip does to text: lower case, spaces around punctuation. */
    private static String likeDecoded(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("([^\\p{L}\\p{N}\\s])", " $1 ").replaceAll(" +", " ").trim();
    }

    private static Map<String, PhiType> inserted(Redaction redaction) {
        Map<String, PhiType> out = new HashMap<>();
        for (int i = 0; i < redaction.spans().size(); i++) {
            out.put(redaction.replacements().get(i), redaction.spans().get(i).type());
        }
        return out;
    }

    private static List<String> residualTexts(String text, Map<String, PhiType> inserted) {
        ResidualScanner.Scan scan = SCANNER.scan(text, inserted);
        return scan.residuals().stream().map(span -> Phi.cut(scan.text(), span)).toList();
    }

    @Test
    void masksDoNotCountAsWrittenOrAsDecoded() {
        Redaction masked = Deidentifier.builder().build().redact(NOTE);
        assertTrue(masked.text().contains("[NAME]") && masked.text().contains("[DATE]"));
        assertEquals(List.of(), residualTexts(masked.text(), Map.of()));
        assertEquals(List.of(), residualTexts(likeDecoded(masked.text()), Map.of()), likeDecoded(masked.text()));
    }

    @Test
    void surrogatesDoNotCountButWouldWithoutTheirRecord() {
        Redaction surrogate = Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(11).build().redact(NOTE, "p1");
        for (String text : List.of(surrogate.text(), likeDecoded(surrogate.text()),
                surrogate.text().toUpperCase(Locale.ROOT))) {
            assertEquals(List.of(), residualTexts(text, inserted(surrogate)), text);
            assertFalse(residualTexts(text, Map.of()).isEmpty(), "the detectors do flag realistic surrogates: " + text);
        }
    }

    @Test
    void phiThatGotThroughCountsPerTypeInUpperAndLowerCase() {
        String leaked = " Seen again by Dr. Maria Castellanos on 4/2/2024, MRN 5839201.";
        Redaction masked = Deidentifier.builder().build().redact(NOTE);
        for (String text : List.of(masked.text() + leaked, likeDecoded(masked.text() + leaked),
                (masked.text() + leaked).toUpperCase(Locale.ROOT))) {
            ResidualScanner.Scan scan = SCANNER.scan(text, Map.of());
            Map<PhiType, Long> byType = new java.util.TreeMap<>();
            scan.residuals().forEach(span -> byType.merge(span.type(), 1L, Long::sum));
            assertEquals(Map.of(PhiType.NAME, 1L, PhiType.DATE, 1L, PhiType.MRN, 1L), byType,
                    () -> residualTexts(text, Map.of()).toString());
        }
    }

    @Test
    void aSurrogateCutByTruncationAtTheEndStillDoesNotCount() {
        Redaction surrogate = Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(3).build()
                .redact("Discharged by Dr. Helen Okafor", "p1");
        String cut = likeDecoded(surrogate.text());
        cut = cut.substring(0, cut.length() - 2);
        assertEquals(List.of(), residualTexts(cut, inserted(surrogate)), cut);
    }

    @Test
    void aLeakSpeltLikeNoSurrogateIsNotHiddenByOne() {
        Redaction surrogate = Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(5).build()
                .redact("Patient John Whitaker seen today.", "p1");
        String text = surrogate.text() + " Spoke with his wife Ingrid Whitaker-Lund.";
        assertEquals(List.of("Ingrid Whitaker-Lund"), residualTexts(text, inserted(surrogate)));
    }
}
