package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import dev.enclave.deid.AnnotatedDocument;
import dev.enclave.deid.DeidScorer;
import dev.enclave.deid.Deidentifier;
import dev.enclave.deid.DocumentFiles;
import dev.enclave.deid.PhiSpan;
import dev.enclave.deid.PhiType;
import dev.enclave.spec.DeidGateSpec;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quality gate on the shipped steward gold samples: passes as the pipelines set it, trips when set too high. */
class DeidGateTest {
    private static final Deidentifier DEID = Deidentifier.builder().build();

    @Test
    void theShippedGoldPassesTheGateTheSamplePipelinesSet() throws Exception {
        for (String pipeline : List.of("pipelines/clinical-notes.yaml", "pipelines/legal-cases.yaml")) {
            PipelineSpec spec = SpecLoader.load(Path.of(pipeline)).spec();
            DeidGateSpec gate = spec.deid().gate();
            List<AnnotatedDocument> gold = DocumentFiles.readAnnotated(Path.of(gate.gold()));
            DeidGate.Result result = DeidGate.evaluate(gate, DEID, gold, gate.gold(), "sha");
            assertTrue(result.passed(), pipeline + "\n" + result.table());
            assertTrue(result.overall().gold() > 500, "a gold sample of a useful size");
            DeidGate.enforce(result, gate);
        }
    }

    @Test
    void aMinimumAboveTheMeasuredRecallStopsTheRunWithTheTableAndNoGoldText() throws Exception {
        String goldFile = "sample-data/clinical-notes.steward-gold.jsonl";
        List<AnnotatedDocument> gold = DocumentFiles.readAnnotated(Path.of(goldFile));
        DeidGateSpec strict = new DeidGateSpec(goldFile, DeidScorer.Matching.EXACT_SPAN_AND_TYPE, 0.5,
                Map.of(PhiType.NAME, 1.0, PhiType.VEHICLE, 0.9, PhiType.BIOMETRIC, 0.1));
        DeidGate.Result result = DeidGate.evaluate(strict, DEID, gold, goldFile, "sha");
        assertFalse(result.passed());
        assertTrue(result.failing().contains("NAME"), result.failing()::toString);
        assertFalse(result.failing().contains("BIOMETRIC"));
        assertFalse(result.failing().contains("ALL"));

        EnclaveException e = assertThrows(EnclaveException.class, () -> DeidGate.enforce(result, strict));
        assertEquals(EnclaveException.GATE_FAILED, e.exitCode());
        String message = e.getMessage();
        assertTrue(message.startsWith("deid.gate:"), message);
        assertTrue(message.contains("NAME recall 0."), message);
        for (String header : List.of("category", "precision", "recall", "F1", "gold", "min")) {
            assertTrue(message.contains(header), header);
        }
        assertTrue(message.lines().anyMatch(line -> line.trim().startsWith("NAME") && line.endsWith("FAIL")), message);
        assertTrue(message.lines().anyMatch(line -> line.trim().startsWith("DATE")), "every category is listed");
        for (AnnotatedDocument document : gold) {
            for (PhiSpan span : document.spans()) {
                String phi = document.text().substring(document.text().offsetByCodePoints(0, span.start()),
                        document.text().offsetByCodePoints(0, span.end()));
                if (phi.length() >= 5) {
                    assertFalse(message.contains(phi), "the message quotes gold text of " + document.id());
                }
            }
        }
    }

    @Test
    void aTypeWithAMinimumButNoGoldFails() throws Exception {
        List<AnnotatedDocument> gold = List.of(new AnnotatedDocument("d1", "Seen by Dr. Okafor on 3/14/2024.",
                List.of(PhiSpan.of(12, 18, PhiType.NAME), PhiSpan.of(22, 31, PhiType.DATE))));
        DeidGateSpec gate = new DeidGateSpec("g.jsonl", null, 0.9, Map.of(PhiType.SSN, 0.5));
        DeidGate.Result result = DeidGate.evaluate(gate, DEID, gold, "g.jsonl", "sha");
        assertEquals(List.of("SSN"), result.failing());
        assertEquals(1.0, result.overall().recall());
    }
}
