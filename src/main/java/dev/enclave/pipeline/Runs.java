package dev.enclave.pipeline;

import dev.enclave.residency.AuditEvent;
import dev.enclave.residency.AuditKey;
import dev.enclave.run.Pipeline;
import dev.enclave.run.RunContext;
import dev.enclave.run.Stage;
import dev.enclave.spec.LoadedSpec;
import dev.enclave.spec.SpecLoader;
import dev.enclave.train.TrainStage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service behind the CLI's run commands: starts or reopens a run and drives its stages. {@code key} signs the
 * run's audit log (a steward's key, kept outside the run folder) when present.
 */
public final class Runs {
    private Runs() {}

    /** Prepares, trains and evaluates in a new run folder; returns the folder. */
    public static Path runAll(Path specFile, Path runDir, Optional<AuditKey> key) {
        return start(specFile, runDir, key, Stages.all());
    }

    /** Model provisioning and data preparation in a new run folder. */
    public static Path prepare(Path specFile, Path runDir, Optional<AuditKey> key) {
        return start(specFile, runDir, key, Stages.prepare());
    }

    /** Training on a prepared run folder, fresh or from its newest checkpoint. */
    public static Path train(Path runDir, TrainStage.Start start, Optional<AuditKey> key) {
        return resume(runDir, key, Stages.train(start));
    }

    /** Evaluation and report on a trained run folder. */
    public static Path evaluate(Path runDir, Optional<AuditKey> key) {
        return resume(runDir, key, Stages.evaluate());
    }

    private static Path start(Path specFile, Path runDir, Optional<AuditKey> key, List<Stage> stages) {
        LoadedSpec spec = SpecLoader.load(specFile);
        try (RunContext run = RunContext.create(spec, Path.of("").toAbsolutePath(), runDir, Clock.systemUTC(), key)) {
            return drive(run, () -> Preflight.check(run), stages);
        }
    }

    private static Path resume(Path runDir, Optional<AuditKey> key, List<Stage> stages) {
        try (RunContext run = RunContext.open(runDir, Clock.systemUTC(), key)) {
            return drive(run, () -> { }, stages);
        }
    }

    /** Runs {@code preflight}, then the stages; the run's last audit entry says how it ended either way. */
    private static Path drive(RunContext run, Runnable preflight, List<Stage> stages) {
        String outcome = "failed";
        try {
            preflight.run();
            new Pipeline(stages).run(run);
            outcome = "succeeded";
            return run.folder().root();
        } finally {
            long egress = run.egressAttempts();
            run.files().event(AuditEvent.Type.RUN_END, null, Map.of("outcome", outcome,
                    "stages", stages.stream().map(Stage::name).toList(), "egress_attempts", egress));
            if (egress > 0) {
                System.err.println("WARNING: the egress guard refused " + egress + " connection"
                        + (egress == 1 ? "" : "s") + " to hosts outside residency.allowed_hosts; see the"
                        + " egress_attempt entries in " + run.folder().relative(run.folder().audit()));
            }
        }
    }
}
