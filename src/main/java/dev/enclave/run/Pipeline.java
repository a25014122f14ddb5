package dev.enclave.run;

import dev.enclave.EnclaveException;
import dev.enclave.residency.AuditEvent;
import java.util.List;
import java.util.Map;

/** Runs stages in order on one run, with start and end entries in the audit log and the manifest written after each. */
public final class Pipeline {
    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public void run(RunContext run) {
        for (Stage stage : stages) {
            run.files().event(AuditEvent.Type.STAGE_START, stage.name(), null);
            long started = System.nanoTime();
            try {
                stage.run(run);
            } catch (EnclaveException e) {
                end(run, stage, started, "failed");
                throw e;
            } catch (Exception e) {
                end(run, stage, started, "failed");
                throw EnclaveException.internal(stage.name() + " failed: " + e.getMessage(), e);
            }
            run.writeManifest(stage.name());
            end(run, stage, started, "succeeded");
        }
    }

    private static void end(RunContext run, Stage stage, long started, String outcome) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        run.files().event(AuditEvent.Type.STAGE_END, stage.name(), Map.of("outcome", outcome, "millis", millis));
    }
}
