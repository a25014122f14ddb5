package dev.enclave.cli;

import dev.enclave.pipeline.Runs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code enclave train RUN}: fine-tunes on a prepared run folder. */
@Command(name = "train", description = "Fine-tune the model on a run folder that 'prepare' filled.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    AuditKeyOption auditKey;

    @Parameters(paramLabel = "RUN", description = "Run folder.")
    Path runDir;

    @Override
    public Integer call() {
        Path folder = Runs.train(runDir, auditKey.key());
        System.out.println("Model: " + folder.resolve("model"));
        return 0;
    }
}
