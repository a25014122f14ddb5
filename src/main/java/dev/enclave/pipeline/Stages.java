package dev.enclave.pipeline;

import dev.enclave.eval.EvaluateStage;
import dev.enclave.prep.PrepareStage;
import dev.enclave.run.Stage;
import dev.enclave.train.TrainStage;
import java.util.List;

/** The stage lists behind each run command. */
final class Stages {
    private Stages() {}

    static List<Stage> all() {
        return List.of(new ModelStage(), new PrepareStage(), new TrainStage(), new EvaluateStage());
    }

    static List<Stage> prepare() {
        return List.of(new ModelStage(), new PrepareStage());
    }

    static List<Stage> train(TrainStage.Start start) {
        return List.of(new TrainStage(start));
    }

    static List<Stage> evaluate() {
        return List.of(new EvaluateStage());
    }
}
