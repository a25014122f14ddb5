package dev.enclave.pipeline;

import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ModelLicense;
import dev.enclave.model.WeightFile;
import dev.enclave.model.bundled.BundledModel;
import dev.enclave.model.bundled.ImportResult;
import dev.enclave.residency.AuditEvent;
import dev.enclave.residency.LicenseGate;
import dev.enclave.run.RunContext;
import dev.enclave.run.Stage;
import dev.enclave.spec.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the spec's model folder available: imports a bundled model when the folder is missing and the spec allows
 * it, checks its licence against the spec's allow-list (stopping the run unless a steward's override names it), then
 * records in the audit log and the manifest which weights (sha256 of each file) and which licence the run starts from.
 * Whether this run imported the folder goes only to the audit log: the manifest depends on content alone.
 */
public final class ModelStage implements Stage {
    public static final String NAME = "model";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        ModelSpec spec = run.spec().model();
        Path dir = run.policy().resolve(spec.path(), "model.path");
        if (!Files.isRegularFile(dir.resolve(HfModelFolder.CONFIG_FILE))) {
            importBundled(run, spec.importIfMissing(), dir);
        }
        HfModelFolder folder = HfModelFolder.open(dir);
        ModelLicense license = LicenseGate.detect(folder);
        LicenseGate.Decision decision = LicenseGate.decide(license, spec.allowedLicenses(), spec.licenseOverride());
        run.files().event(AuditEvent.Type.POLICY_CHECK, NAME, decision.detail());
        decision.enforce(spec.path());
        List<WeightFile> weights = folder.weightFiles();
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("path", spec.path());
        load.put("license", license.id());
        load.put("license_declared_in", license.declaredIn());
        Map<String, String> weightHashes = new LinkedHashMap<>();
        weights.forEach(w -> weightHashes.put(w.fileName(), w.sha256()));
        load.put("weights_sha256", weightHashes);
        load.put("license_outcome", decision.outcome().name().toLowerCase(java.util.Locale.ROOT));
        run.files().event(AuditEvent.Type.MODEL_LOAD, NAME, load);
        run.manifest().putStage(NAME, load);
    }

    private static void importBundled(RunContext run, String name, Path dir) throws Exception {
        BundledModel model;
        try {
            model = BundledModel.byName(name);
        } catch (IllegalArgumentException e) {
            throw EnclaveException.badInput("model.import_if_missing: " + e.getMessage());
        }
        System.err.println("model      importing " + model.modelName() + " into " + dir);
        ImportResult result = model.importTo(run.files().check(dir, "model import"));
        for (String file : result.files().keySet()) {
            run.files().recordWrite(NAME, dir.resolve(file), null);
        }
        run.files().event(AuditEvent.Type.READ, NAME, Map.of("source", result.source(),
                "source_sha256", result.sourceSha256()));
    }
}
