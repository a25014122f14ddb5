package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.cli.EnclaveCommand;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ModelLicense;
import dev.enclave.pipeline.ModelStage;
import dev.enclave.run.RunContext;
import dev.enclave.spec.LicenseOverride;
import dev.enclave.spec.ModelSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseGateTest {
    @TempDir
    Path dir;

    private static final ModelLicense LLAMA = new ModelLicense("llama3", Optional.empty(), "README.md front matter");
    private static final ModelLicense UNKNOWN = new ModelLicense(ModelLicense.UNKNOWN, Optional.empty(), "none");
    private static final LicenseOverride APPROVE_LLAMA = new LicenseOverride("Llama3", "Dr. A. Steward (data steward)",
            "research use approved by the ethics board, ref 2026-14");

    @Test
    void licenceOnTheListPasses() {
        ModelLicense apache = new ModelLicense("apache-2.0", Optional.empty(), "LICENSE");
        LicenseGate.Decision decision = LicenseGate.decide(apache, ModelSpec.DEFAULT_ALLOWED_LICENSES, null);
        assertEquals(LicenseGate.Outcome.ALLOWED, decision.outcome());
        decision.enforce("models/m");
    }

    @Test
    void disallowedLicenceStopsTheRunNamingTheLicenceAndTheRule() {
        LicenseGate.Decision decision = LicenseGate.decide(LLAMA, List.of("apache-2.0", "mit"), null);
        assertEquals(LicenseGate.Outcome.REFUSED, decision.outcome());
        EnclaveException e = assertThrows(EnclaveException.class, () -> decision.enforce("models/llama"));
        assertEquals(EnclaveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("model.allowed_licenses: the model at models/llama declares licence"
                + " 'llama3' (README.md front matter), which is not in [apache-2.0, mit]"), e.getMessage());
        assertTrue(e.getMessage().contains("model.license_override"), e.getMessage());
    }

    @Test
    void unknownLicenceIsRefusedEvenWhenListed() {
        LicenseGate.Decision decision = LicenseGate.decide(UNKNOWN, List.of("unknown", "mit"), null);
        assertEquals(LicenseGate.Outcome.REFUSED, decision.outcome());
        EnclaveException e = assertThrows(EnclaveException.class, () -> decision.enforce("models/x"));
        assertTrue(e.getMessage().contains("has no licence Enclave can read"), e.getMessage());
    }

    @Test
    void overrideNamingTheLicenceLetsItThroughAndIsRecorded() {
        LicenseGate.Decision decision = LicenseGate.decide(LLAMA, List.of("mit"), APPROVE_LLAMA);
        assertEquals(LicenseGate.Outcome.ALLOWED_BY_OVERRIDE, decision.outcome());
        decision.enforce("models/llama");
        @SuppressWarnings("unchecked")
        Map<String, Object> approval = (Map<String, Object>) decision.detail().get("license_override");
        assertEquals("Dr. A. Steward (data steward)", approval.get("approved_by"));
        assertEquals(true, approval.get("applied"));
        assertEquals("allowed_by_override", decision.detail().get("outcome"));
    }

    @Test
    void overrideForAnotherLicenceDoesNotApply() {
        LicenseGate.Decision decision = LicenseGate.decide(UNKNOWN, List.of("mit"), APPROVE_LLAMA);
        EnclaveException e = assertThrows(EnclaveException.class, () -> decision.enforce("models/x"));
        assertTrue(e.getMessage().contains("model.license_override approves 'llama3', not 'unknown'"), e.getMessage());
    }

    @Test
    void configJsonLicenceIsUsedWhenTheCardAndLicenceFileSayNothing() throws Exception {
        Path model = SmallRun.modelFolder(dir, null);
        Files.writeString(model.resolve("config.json"), "{\"license\": \"CC-BY-NC-4.0\"}");
        ModelLicense license = LicenseGate.detect(HfModelFolder.open(model));
        assertEquals("cc-by-nc-4.0", license.id());
        assertEquals("config.json", license.declaredIn());
        assertEquals(ModelLicense.UNKNOWN, LicenseGate.detect(HfModelFolder.open(SmallRun.modelFolder(
                Files.createDirectories(dir.resolve("other")), null))).id());
    }

    @Test
    void modelStageRecordsTheStewardsOverride() throws Exception {
        SmallRun.modelFolder(dir, "llama3");
        var spec = SmallRun.spec(dir, """
                allowed_licenses: [mit]
                license_override: {license: llama3, approved_by: "Dr. A. Steward", reason: "ethics ref 14"}""");
        try (RunContext run = RunContext.create(spec, dir, dir.resolve("runs/r"), SmallRun.CLOCK)) {
            new ModelStage().run(run);
            assertEquals("allowed_by_override", run.manifest().stage("model").path("license_outcome").asText());
        }
        JsonNode check = licenceCheck(dir.resolve("runs/r"));
        assertEquals("allowed_by_override", check.path("outcome").asText());
        assertEquals("Dr. A. Steward", check.path("license_override").path("approved_by").asText());
        assertTrue(Files.readString(dir.resolve("runs/r/spec.yaml")).contains("approved_by: \"Dr. A. Steward\""),
                "the stored spec keeps the override");
    }

    @Test
    void runWithADisallowedLicenceStopsBeforeAnyDataIsRead() throws Exception {
        SmallRun.modelFolder(dir, "llama3");
        SmallRun.spec(dir, "allowed_licenses: [apache-2.0]");
        Path runDir = dir.resolve("runs/refused");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = EnclaveCommand.execute("prepare", dir.resolve("spec.yaml").toString(), "--run-dir",
                    runDir.toString());
        } finally {
            System.setErr(original);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, stderr);
        assertTrue(stderr.contains("ERROR: model.allowed_licenses: the model at " + dir.toAbsolutePath()
                + "/model declares licence 'llama3'"), stderr);
        assertFalse(Files.exists(runDir.resolve("prepared")));
        String audit = Files.readString(runDir.resolve("audit.jsonl"));
        assertFalse(audit.contains("notes.csv\",\"bytes\""), "the input was never read");
        assertEquals("refused", licenceCheck(runDir).path("outcome").asText());
    }

    private static JsonNode licenceCheck(Path runDir) {
        return AuditTrail.read(runDir.resolve("audit.jsonl")).events(AuditEvent.Type.POLICY_CHECK).stream()
                .filter(line -> line.detail("check").asText().equals("model_license"))
                .findFirst().orElseThrow().entry().path("detail");
    }
}
