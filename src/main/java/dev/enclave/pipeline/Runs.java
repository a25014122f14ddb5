package dev.enclave.pipeline;

import dev.enclave.residency.AuditEvent;
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

/** The service behind the CLI's run commands: starts or reopens a run and drives its stages. */
public final class Runs {
    private Runs() {}

    /** Prepares, trains and evaluates in a new run folder; returns the folder. */
    public static Path runAll(Path specFile, Path runDir) {
        return start(specFile, runDir, Stages.all());
    }

    /** Model provisioning and data preparation in a new run folder. */
    public static Path prepare(Path specFile, Path runDir) {
        return start(specFile, runDir, Stages.prepare());
    }

    /** Training on a prepared run folder, fresh or from its newest checkpoint. */
    public static Path train(Path runDir, TrainStage.Start start) {
        return resume(runDir, Stages.train(start));
    }

    /** Evaluation and report on a trained run folder. */
    public static Path evaluate(Path runDir) {
        return resume(runDir, Stages.evaluate());
    }

    private static Path start(Path specFile, Path runDir, List<Stage> stages) {
        LoadedSpec spec = SpecLoader.load(specFile);
        try (RunContext run = RunContext.create(spec, Path.of("").toAbsolutePath(), runDir, Clock.systemUTC())) {
            Preflight.check(run);
            return drive(run, stages);
        }
    }

    private static Path resume(Path runDir, List<Stage> stages) {
        try (RunContext run = RunContext.open(runDir, Clock.systemUTC())) {
            return drive(run, stages);
        }
    }

    private static Path drive(RunContext run, List<Stage> stages) {
        String outcome = "failed";
        try {
            new Pipeline(stages).run(run);
            outcome = "succeeded";
            return run.folder().root();
        } finally {
            run.files().event(AuditEvent.Type.RUN_END, null,
                    Map.of("outcome", outcome, "stages", stages.stream().map(Stage::name).toList()));
        }
    }
}
