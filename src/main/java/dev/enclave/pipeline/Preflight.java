package dev.enclave.pipeline;

import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.residency.AuditEvent;
import dev.enclave.residency.SparkResidency;
import dev.enclave.run.RunContext;
import dev.enclave.spec.PipelineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks, before any stage reads data, that every path the spec names lies under the allowed roots, that Spark's
 * addresses and scratch folders are inside the policy, and that the inputs exist, so a bad spec fails in a second with
 * exit code 2 rather than after the model import.
 */
final class Preflight {
    private Preflight() {}

    /** Runs the checks; a refusal is recorded in the audit log before it stops the run. */
    static void check(RunContext run) {
        try {
            checkSpec(run);
        } catch (EnclaveException e) {
            run.files().event(AuditEvent.Type.POLICY_CHECK, null, Map.of("outcome", "refused", "reason",
                    e.getMessage()));
            throw e;
        }
    }

    private static void checkSpec(RunContext run) {
        PipelineSpec spec = run.spec();
        Path input = run.policy().resolve(spec.data().path(), "data.path");
        if (!Files.isRegularFile(input)) {
            throw EnclaveException.badInput(spec.data().path() + ": input file not found (data.path)");
        }
        Path model = run.policy().resolve(spec.model().path(), "model.path");
        if (spec.model().importIfMissing() == null && !Files.isRegularFile(model.resolve(HfModelFolder.CONFIG_FILE))) {
            throw EnclaveException.badInput("model.path: " + spec.model().path() + " has no config.json; import a"
                    + " model there (enclave model import NAME --out " + spec.model().path()
                    + ") or set model.import_if_missing");
        }
        run.policy().resolve(spec.output().runsDir(), "output.runs_dir");
        List<String> checked = new ArrayList<>(List.of("data.path", "model.path", "output.runs_dir"));
        if (spec.deid().gate() != null) {
            Path gold = run.policy().resolve(spec.deid().gate().gold(), "deid.gate.gold");
            if (!Files.isRegularFile(gold)) {
                throw EnclaveException.badInput(spec.deid().gate().gold() + ": gold sample not found (deid.gate.gold)");
            }
            checked.add("deid.gate.gold");
        }
        checked.add("spark");
        Map<String, Object> spark = SparkResidency.check(run.policy(), SparkResidency.systemSparkConf(),
                System.getenv());
        run.files().event(AuditEvent.Type.POLICY_CHECK, null, Map.of("checked", checked, "spark", spark,
                "outcome", "allowed"));
    }
}
