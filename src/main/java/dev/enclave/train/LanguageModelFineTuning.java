package dev.enclave.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.enclave.EnclaveException;
import dev.enclave.eval.ExampleLosses;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.lora.LoraConfig;
import dev.enclave.model.lora.LoraModel;
import dev.enclave.model.lora.PeftAdapter;
import dev.enclave.run.RunContext;
import dev.enclave.spec.LoraSpec;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.spec.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the causal-LM and masked-LM trainers share: the plan, schedule and checkpoints (in
 * {@code checkpoints/fine-tune/}, resumed from with {@link TrainStage.Start#RESUME}), the devices, the loop with
 * AdamW over the full weights or the LoRA adapters, the export of {@code model/} and {@code adapter/}, and the
 * manifest summary.
 */
final class LanguageModelFineTuning {
    static final String TASK = "fine-tune";

    private final RunContext run;
    private final PipelineSpec spec;
    private final TrainingPlan plan;
    private final LearningRateSchedule schedule;
    private final Checkpoints checkpoints;
    private final Optional<Path> latest;
    private final List<Device> devices;

    /**
     * Plans the training of {@code examples} rows and checks where it starts.
     *
     * @param preparedRows rows of the prepared train split
     * @param examples rows trained on: the prepared ones and the privacy canaries
     * @throws EnclaveException (bad input) for an empty train split, or a fresh start on a trained run folder
     */
    LanguageModelFineTuning(RunContext run, int preparedRows, int examples, TrainStage.Start start)
            throws IOException {
        this.run = run;
        this.spec = run.spec();
        TrainingSpec settings = spec.training();
        if (preparedRows == 0) {
            throw EnclaveException.badInput("the train split is empty: nothing to train on");
        }
        plan = TrainingPlan.of(examples, settings.batchSize(), settings.gradientAccumulation(), settings.epochs(),
                settings.maxSteps(), spec.seed());
        schedule = LearningRateSchedule.of(plan.size(), settings.warmupFraction(), settings.schedule());
        checkpoints = new Checkpoints(run.files(), TrainStage.NAME, run.folder().checkpoints().resolve(TASK), TASK,
                spec.seed(), plan, schedule);
        latest = checkpoints.latest();
        if (start == TrainStage.Start.FRESH && latest.isPresent()) {
            throw EnclaveException.badInput(latest.get() + " exists: this run was trained before; "
                    + "use 'enclave train RUN --resume' to continue it");
        }
        devices = Devices.resolve(settings.devices());
        Engine.getInstance().setRandomSeed(Long.hashCode(spec.seed()));
    }

    /** The devices, the first one holding the weights. */
    List<Device> devices() {
        return devices;
    }

    /** Whether LoRA adapters train instead of the weights. */
    boolean lora() {
        return spec.training().method() == TrainingSpec.Method.LORA;
    }

    LoraConfig loraConfig() {
        LoraSpec lora = spec.training().lora();
        return LoraConfig.of(lora.rank(), lora.alpha(), lora.dropout(), lora.targetModules());
    }

    /**
     * Runs the loop over {@code trainable} (the model's weights, or the adapters), resuming from the newest checkpoint
     * when there is one.
     */
    TrainingProgress train(List<HfParameter> trainable, TrainingLoop.BatchLoss loss, ReplicatedParameters store,
            AdamW optimiser, NDManager manager) throws IOException {
        TrainingSpec settings = spec.training();
        optimiser.add(lora() ? "adapter" : "model", trainable.stream()
                .map(p -> Map.<String, Parameter>entry(p.name(), p.parameter())).toList(), settings.learningRate());
        TrainingProgress from = TrainingProgress.start();
        if (latest.isPresent()) {
            from = checkpoints.restore(latest.get(), optimiser);
            System.err.println(TASK + ": resuming after step " + from.step() + " from " + latest.get());
        }
        return TrainingLoop.builder()
                .setTask(TASK)
                .setPlan(plan)
                .setLoss(loss)
                .setOptimiser(optimiser)
                .setSchedule(schedule)
                .setSeed(spec.seed())
                .optLogEvery(settings.logEvery())
                .optListener(checkpoints.every(settings.checkpointEvery(), optimiser))
                .optDevices(devices, store)
                .build()
                .run(from, manager);
    }

    /** The outcome of a finished loop with the validation losses measured after it. */
    static LanguageModelOutcome outcome(TrainingProgress result, AdamW optimiser, ExampleLosses validation) {
        Double loss = validationLoss(validation);
        return new LanguageModelOutcome(result.step(), result.examples(), result.tokens(),
                optimiser.parameterCount(), result.lossCurve(), loss, loss == null ? null : Math.exp(loss));
    }

    /** The token-weighted mean loss, or null when nothing was scored. */
    static Double validationLoss(ExampleLosses losses) {
        double loss = losses.meanLossPerToken();
        return Double.isNaN(loss) ? null : loss;
    }

    /**
     * Writes {@code model/} (LoRA updates merged in) and, for LoRA, {@code adapter/} in PEFT layout, and records them
     * in the manifest.
     *
     * @param weights the model's parameters under Hugging Face names
     * @param peftTaskType PEFT's {@code task_type}, or null for the plain {@code PeftModel}
     */
    void export(HfModelFolder base, String architecture, List<HfParameter> weights, LoraModel lora,
            String peftTaskType, NDManager manager) throws IOException {
        if (lora != null) {
            PeftAdapter adapter = PeftAdapter.builder().setBaseModel(spec.model().path()).optTaskType(peftTaskType)
                    .build();
            ModelExport.adapter(run, TrainStage.NAME, run.folder().adapter(), adapter, lora)
                    .forEach(run.manifest()::addFile);
        }
        List<HfParameter> tuned = lora == null ? weights : lora.merged(weights, manager);
        ModelExport.languageModel(run, TrainStage.NAME, run.folder().model(), base, tuned, architecture)
                .forEach(run.manifest()::addFile);
    }

    /**
     * Puts the training figures into the manifest, in the shape the classification run uses.
     *
     * @param trainRows prepared train rows
     * @param canaryRows canary rows trained on besides them
     */
    void summarise(LoraModel lora, int trainRows, int canaryRows, int validationRows, PretrainedBaseline base,
            LanguageModelOutcome tuned) {
        TrainingSpec settings = spec.training();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", spec.task().type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        summary.put("steps", plan.size());
        summary.put("batch_size", settings.batchSize());
        summary.put("gradient_accumulation", settings.gradientAccumulation());
        summary.put("method", settings.method().name().toLowerCase(Locale.ROOT));
        summary.put("schedule", settings.schedule().name().toLowerCase(Locale.ROOT));
        summary.put("devices", devices.stream().map(Devices::name).toList());
        if (lora != null) {
            summary.put("lora_modules", lora.adaptedModules().size());
        }
        summary.put("train_examples", trainRows);
        summary.put("canary_examples", canaryRows);
        summary.put("validation_examples", validationRows);
        summary.put("base", base);
        summary.put("tuned", tuned);
        run.manifest().putStage(TrainStage.NAME, summary);
    }
}
