package dev.enclave.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.run.RunFiles;
import dev.enclave.spec.CanarySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded canary generation, the shapes' layouts and candidate spaces, and the JSON form. */
class CanarySetTest {

    @Test
    void theSameSeedGivesTheSameCanariesAndShapesTakeTurns() {
        CanarySpec spec = new CanarySpec(6, 3, null);
        CanarySet first = CanarySet.generate(spec, 42, 7);
        assertEquals(first, CanarySet.generate(spec, 42, 7));
        assertNotEquals(first, CanarySet.generate(spec, 43, 7));
        assertEquals(6, first.canaries().size());
        assertEquals(List.of("MRN", "SSN", "PHONE", "ACCOUNT", "MRN", "SSN"),
                first.canaries().stream().map(c -> c.shape().shape().name()).toList());
        assertEquals(List.of("canary-1", "canary-2", "canary-3", "canary-4", "canary-5", "canary-6"),
                first.canaries().stream().map(Canary::id).toList());
        assertTrue(first.canaries().stream().allMatch(c -> c.label() >= 0 && c.label() < 7));
        assertTrue(CanarySet.generate(spec, 42, 0).canaries().stream().allMatch(c -> c.label() == -1));
        assertEquals(18, first.trainingTexts().size());
        assertEquals(first.canaries().get(0).text(), first.trainingTexts().get(2));
    }

    @Test
    void secretsFollowTheirLayouts() {
        CanarySet set = CanarySet.generate(new CanarySpec(40, 1, null), 1, 0);
        for (Canary canary : set.canaries()) {
            String pattern = switch (canary.shape().shape()) {
                case MRN -> "medical record number \\d{7}";
                case SSN -> "social security number \\d{3}-\\d{2}-\\d{4}";
                case PHONE -> "phone number \\d{3}-\\d{3}-\\d{4}";
                case ACCOUNT -> "account number \\d{10}";
            };
            assertTrue(canary.text().matches(pattern), canary.text());
        }
        assertEquals(9 * Math.log(10) / Math.log(2), SecretShape.of(CanarySpec.Shape.SSN).maxExposureBits(), 1e-12);
        assertEquals(10, SecretShape.of(CanarySpec.Shape.PHONE).digits());
        assertEquals(40, set.canaries().stream().map(Canary::secret).distinct().count());
    }

    @Test
    void countZeroTurnsCanariesOff() {
        CanarySpec off = new CanarySpec(0, null, null);
        assertFalse(off.enabled());
        assertFalse(CanarySet.generate(off, 1, 3).hasCanaries());
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        CanarySet set = CanarySet.generate(new CanarySpec(4, 8, null), 42, 7);
        String json = RunFiles.JSON.writeValueAsString(set);
        assertTrue(json.contains("\"repeats\" : 8"), json);
        assertEquals(set, RunFiles.JSON.readValue(json, CanarySet.class));
    }
}
