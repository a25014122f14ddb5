package dev.enclave.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.deid.Deidentifier;
import dev.enclave.spec.CanarySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leak scan counts identifiers by type and finds canaries written out, also with spaced digits. */
class LeakScanTest {
    private static final CanarySet CANARIES = new CanarySet(List.of(
            new Canary("canary-1", SecretShape.of(CanarySpec.Shape.SSN), "482-91-7305", -1),
            new Canary("canary-2", SecretShape.of(CanarySpec.Shape.MRN), "5550123", -1),
            new Canary("canary-3", SecretShape.of(CanarySpec.Shape.ACCOUNT), "1234567890", -1)), 8);

    @Test
    void findsPlantedPhiAndCanaries() {
        List<String> generations = List.of(
                "Patient seen today. Call back at (617) 555-0199 or email jane.doe@example.org.",
                "social security number 4 8 2 - 9 1 - 7 3 0 5 was on file",
                "account number 91234567890 is not the canary: its digits run on",
                "No identifiers in this one.");
        LeakScanResult result = LeakScan.scan(generations, CANARIES, Deidentifier.builder().build());
        assertEquals(4, result.generations());
        assertEquals(List.of("canary-1"), result.reproducedCanaries());
        assertEquals(1, result.verbatimCanaries());
        assertEquals(3, result.canaries());
        assertEquals(1L, result.hitsByType().get("PHONE"), result.hitsByType().toString());
        assertEquals(1L, result.hitsByType().get("EMAIL"), result.hitsByType().toString());
        assertTrue(result.generationsWithPhi() >= 2 && result.generationsWithPhi() <= 3, result.toString());
        assertEquals(result.hitsByType().values().stream().mapToLong(Long::longValue).sum(), result.totalHits());
    }

    @Test
    void cleanTextsFindNothing() {
        LeakScanResult result = LeakScan.scan(List.of("rest and follow up in a week"), CanarySet.none(),
                Deidentifier.builder().build());
        assertEquals(0, result.totalHits());
        assertEquals(0, result.verbatimCanaries());
        assertEquals(0, result.generationsWithPhi());
    }
}
