package dev.enclave.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.eval.Interval;
import dev.enclave.run.RunFiles;
import dev.enclave.spec.PrivacySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gate checks against the spec's thresholds, the failure message, and the JSON that metrics.json holds. */
class PrivacyResultTest {
    private static final PrivacySpec SPEC = new PrivacySpec(null, null, null, 12.0, 0.6, 0);

    private static CanaryExposure exposure(String id, double bits) {
        return new CanaryExposure(id, "mrn", 100, 0, bits, bits, bits, 23.25, -3, -10, 2);
    }

    private static MembershipResult membership(double auc) {
        return new MembershipResult(auc, new Interval(auc - 0.05, auc + 0.05), 200, 200, 0.1, 0.3, 1000);
    }

    @Test
    void everyGatePassesBelowItsThreshold() {
        PrivacyResult result = PrivacyResult.builder(SPEC)
                .optExposure(8, List.of(exposure("canary-1", 1)), List.of(exposure("canary-1", 3)))
                .optMembership(membership(0.5), membership(0.55))
                .optLeakScanNote(PrivacyResult.CLASSIFIER_NOTE)
                .build();
        assertTrue(result.passed());
        assertEquals(List.of("max_exposure", "max_membership_auc"), result.gates().stream().map(GateCheck::gate)
                .toList());
        result.requirePassed();
    }

    @Test
    void aFailedGateNamesTheGateTheFigureAndTheThreshold() {
        PrivacyResult result = PrivacyResult.builder(SPEC)
                .optExposure(8, List.of(), List.of(exposure("canary-1", 3), exposure("canary-2", 14.5)))
                .optMembership(membership(0.5), membership(0.7))
                .optLeakScan(new LeakScanResult(10, 2, Map.of("NAME", 3L), 2, List.of()))
                .build();
        assertFalse(result.passed());
        assertEquals(List.of("max_exposure", "max_membership_auc"),
                result.failedGates().stream().map(GateCheck::gate).toList());
        EnclaveException failure = assertThrows(EnclaveException.class, result::requirePassed);
        assertEquals(EnclaveException.GATE_FAILED, failure.exitCode());
        assertEquals("privacy gate max_exposure failed: canary-2 (mrn) exposure in the tuned model is 14.500 bits,"
                + " the spec's evaluation.privacy.max_exposure is 12 bits; privacy gate max_membership_auc failed:"
                + " the tuned model's membership-attack AUC is 0.700, the spec's"
                + " evaluation.privacy.max_membership_auc is 0.600", failure.getMessage());
    }

    @Test
    void verbatimCanariesAreGatedWhenALeakScanRan() {
        PrivacyResult result = PrivacyResult.builder(SPEC)
                .optLeakScan(new LeakScanResult(5, 1, Map.of(), 4, List.of("canary-3")))
                .build();
        assertEquals(List.of("max_verbatim_canaries"), result.failedGates().stream().map(GateCheck::gate).toList());
        assertTrue(result.failedGates().get(0).describe().contains("is 1 canaries"));
    }

    @Test
    void jsonHoldsEveryFigureTheThresholdsAndTheVerdicts() {
        PrivacyResult result = PrivacyResult.builder(SPEC)
                .optExposure(8, List.of(exposure("canary-1", 1)), List.of(exposure("canary-1", 13)))
                .optMembership(membership(0.5), membership(0.55))
                .optLeakScanNote(PrivacyResult.CLASSIFIER_NOTE)
                .build();
        JsonNode json = RunFiles.JSON.valueToTree(result);
        assertEquals(13, json.path("tuned_exposure").path(0).path("exposure").asDouble());
        assertEquals(0.55, json.path("tuned_membership").path("auc").asDouble());
        assertEquals(0.5, json.path("tuned_membership").path("interval").path("low").asDouble(), 1e-12);
        assertEquals(12, json.path("thresholds").path("max_exposure").asDouble());
        assertFalse(json.path("passed").asBoolean(true));
        assertFalse(json.path("gates").path(0).path("passed").asBoolean(true));
        assertTrue(json.path("leak_scan").isNull());
        assertEquals(PrivacyResult.CLASSIFIER_NOTE, json.path("leak_scan_note").asText());
    }
}
