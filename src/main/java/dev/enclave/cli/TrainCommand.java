package dev.enclave.cli;

import dev.enclave.pipeline.Runs;
import dev.enclave.train.TrainStage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enclave train RUN [--resume]}: fine-tunes on a prepared run folder. */
@Command(name = "train", description = "Fine-tune the model on a run folder that 'prepare' filled.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    AuditKeyOption auditKey;

    @Parameters(paramLabel = "RUN", description = "Run folder.")
    Path runDir;

    @Option(names = "--resume", description = "Continue from the run's newest checkpoint (e.g. after a crash).")
    boolean resume;

    @Override
    public Integer call() {
        TrainStage.Start start = resume ? TrainStage.Start.RESUME : TrainStage.Start.FRESH;
        Path folder = Runs.train(runDir, start, auditKey.key());
        System.out.println("Model: " + folder.resolve("model"));
        return 0;
    }
}
