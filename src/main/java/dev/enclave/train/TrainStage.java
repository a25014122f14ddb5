package dev.enclave.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.BertClassifier;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.LoraConfig;
import dev.enclave.model.lora.LoraModel;
import dev.enclave.model.lora.PeftAdapter;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.privacy.TrainingCanaries;
import dev.enclave.run.FileRecord;
import dev.enclave.run.Progress;
import dev.enclave.run.RunContext;
import dev.enclave.run.Stage;
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
 * Fine-tunes the encoder (every weight, or LoRA adapters on frozen weights) and a classification head on the train
 * split, and, for comparison, trains the base model's head on the frozen pretrained encoder for the same steps and
 * batches. Writes {@code model/} (Hugging Face layout; LoRA updates merged in), {@code adapter/} (LoRA runs, PEFT
 * layout), {@code baseline/classifier.safetensors} and the loss curves, and puts the training figures into the
 * manifest. The fine-tuning loop checkpoints into {@code checkpoints/fine-tune/}; started with
 * {@link Start#RESUME} it continues from the newest checkpoint there (the audit log shows the checkpoint read) and
 * ends with the files an uninterrupted run writes. Each batch is split across the spec's devices. The spec's privacy
 * canaries are added to the train examples here, not to the prepared data ({@link TrainingCanaries}).
 */
public final class TrainStage implements Stage {
    public static final String NAME = "train";
    /** Run-folder file holding the base model's head. */
    public static final String BASELINE_HEAD = "baseline/classifier.safetensors";
    private static final String FINE_TUNE = "fine-tune";

    /** Where the fine-tuning loop starts. */
    public enum Start {
        /** From the pretrained model; refuses a run folder that already holds checkpoints. */
        FRESH,
        /** From the newest checkpoint of the run folder, or from the pretrained model if there is none. */
        RESUME
    }

    private final Start start;

    /** A stage that starts fresh. */
    public TrainStage() {
        this(Start.FRESH);
    }

    public TrainStage(Start start) {
        this.start = start;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        switch (run.spec().task().type()) {
            case CAUSAL_LM -> new CausalLmTraining(start).run(run);
            case MASKED_LM -> new MaskedLmTraining(start).run(run);
            case CLASSIFICATION -> trainClassifier(run);
        }
    }

    private void trainClassifier(RunContext run) throws Exception {
        PipelineSpec spec = run.spec();
        TrainingSpec settings = spec.training();
        List<String> labels = spec.data().labels();
        HfModelFolder folder = HfModelFolder.open(run.policy().resolve(spec.model().path(), "model.path"));
        BertConfig config = BertConfig.read(folder);
        List<Example> prepared = PreparedSplits.read(run, NAME, "train");
        List<Example> validation = PreparedSplits.read(run, NAME, "validation");
        if (prepared.isEmpty()) {
            throw EnclaveException.badInput("the train split is empty: nothing to train on");
        }
        TrainingCanaries.Inserted<Example> withCanaries;
        try (TextEncoder encoder = TextEncoder.open(folder.tokenizerFile(), spec.task().maxTokens())) {
            withCanaries = TrainingCanaries.examples(prepared,
                    TrainingCanaries.prepare(run, NAME, labels.size()), encoder);
        }
        List<Example> train = withCanaries.examples();
        TrainingPlan plan = TrainingPlan.of(train.size(), settings.batchSize(), settings.gradientAccumulation(),
                settings.epochs(), settings.maxSteps(), spec.seed());
        LearningRateSchedule schedule = LearningRateSchedule.of(plan.size(), settings.warmupFraction(),
                settings.schedule());
        Checkpoints checkpoints = new Checkpoints(run.files(), NAME, run.folder().checkpoints().resolve(FINE_TUNE),
                FINE_TUNE, spec.seed(), plan, schedule);
        Optional<Path> latest = checkpoints.latest();
        if (start == Start.FRESH && latest.isPresent()) {
            throw EnclaveException.badInput(latest.get() + " exists: this run was trained before; "
                    + "use 'enclave train RUN --resume' to continue it");
        }
        List<Device> devices = Devices.resolve(settings.devices());
        Engine.getInstance().setRandomSeed(Long.hashCode(spec.seed()));
        int pad = config.padTokenId();

        try (NDManager manager = NDManager.newBaseManager(devices.get(0))) {
            LoraAdapters adapters = settings.method() == TrainingSpec.Method.LORA
                    ? new LoraAdapters(loraConfig(settings.lora()), spec.seed(), manager) : null;
            BertClassifier model = BertClassifier.builder()
                    .setConfig(config)
                    .setNumLabels(labels.size())
                    .optDropout(settings.dropout().floatValue())
                    .optHeadSeed(spec.seed())
                    .optAdapters(adapters == null ? ProjectionAdapters.NONE : adapters)
                    .build();
            model.loadPretrained(folder, manager);
            LoraModel lora = adapters == null ? null : adapters.finish(parameters(model, false));
            ReplicatedParameters store = new ReplicatedParameters(manager);
            Map<String, HfParameter> byName = new LinkedHashMap<>();
            model.hfParameters().forEach(p -> byName.put(p.name(), p));

            HeadProbe probe = new HeadProbe(manager, values(byName.get("classifier.weight")),
                    values(byName.get("classifier.bias")), labels.size(), config.hiddenSize());
            TrainingOutcome base = trainProbe(probe, model, store, train, validation, plan, schedule, spec, pad,
                    manager);
            FileRecord baseline = ModelExport.weights(run, NAME, run.folder().root().resolve(BASELINE_HEAD),
                    List.of(asHf(probe, 0), asHf(probe, 1)));
            run.manifest().addFile(baseline);

            TrainingOutcome tuned = fineTune(model, lora, store, devices, train, validation, plan, schedule, spec,
                    checkpoints, latest, pad, manager);
            if (lora != null) {
                PeftAdapter adapter = PeftAdapter.builder()
                        .setBaseModel(spec.model().path())
                        .optTaskType("SEQ_CLS")
                        .optModulePrefix("bert.")
                        .addModuleToSave("classifier", parameters(model, true))
                        .build();
                ModelExport.adapter(run, NAME, run.folder().adapter(), adapter, lora)
                        .forEach(run.manifest()::addFile);
            }
            List<HfParameter> tunedWeights = lora == null ? model.hfParameters()
                    : lora.merged(model.hfParameters(), manager);
            for (FileRecord file : ModelExport.classifier(run, NAME, run.folder().model(), folder, tunedWeights,
                    labels)) {
                run.manifest().addFile(file);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("steps", plan.size());
            summary.put("batch_size", settings.batchSize());
            summary.put("gradient_accumulation", settings.gradientAccumulation());
            summary.put("method", settings.method().name().toLowerCase(Locale.ROOT));
            summary.put("schedule", settings.schedule().name().toLowerCase(Locale.ROOT));
            summary.put("devices", devices.stream().map(Devices::name).toList());
            if (lora != null) {
                summary.put("lora_modules", lora.adaptedModules().size());
            }
            summary.put("train_examples", prepared.size());
            summary.put("canary_examples", withCanaries.added());
            summary.put("validation_examples", validation.size());
            summary.put("base", base);
            summary.put("tuned", tuned);
            run.manifest().putStage(NAME, summary);
        }
    }

    private static LoraConfig loraConfig(LoraSpec spec) {
        return LoraConfig.of(spec.rank(), spec.alpha(), spec.dropout(), spec.targetModules());
    }

    private static TrainingOutcome trainProbe(HeadProbe probe, BertClassifier model, ParameterStore store,
            List<Example> train, List<Example> validation, TrainingPlan plan, LearningRateSchedule schedule,
            PipelineSpec spec, int pad, NDManager manager) {
        TrainingSpec settings = spec.training();
        float[][] trainEmbeddings = embed("embed", model, store, train, pad, manager);
        float[][] validationEmbeddings = embed("embed-val", model, store, validation, pad, manager);
        try (AdamW optimiser = new AdamW(manager, settings.weightDecay(), settings.clipGradNorm())) {
            optimiser.add("head", probe.parameters(), settings.headLearningRate());
            TrainingProgress result = TrainingLoop.builder()
                    .setTask("base-head")
                    .setPlan(plan)
                    .setLoss(new TrainingLoop.BatchLoss() {
                        @Override
                        public NDArray loss(NDManager scope, int[] batch) {
                            return Evaluation.loss(ExampleBatches.labels(scope, train, batch),
                                    probe.logits(scope, trainEmbeddings, batch));
                        }

                        @Override
                        public long tokens(int[] batch) {
                            return ExampleBatches.tokens(train, batch);
                        }
                    })
                    .setOptimiser(optimiser)
                    .setSchedule(schedule)
                    .setSeed(spec.seed())
                    .optLogEvery(settings.logEvery())
                    .build()
                    .run(TrainingProgress.start(), manager);
            Evaluation.Predictions val = Evaluation.predict(validation, 256, manager,
                    (scope, batch) -> probe.logits(scope, validationEmbeddings, batch));
            return new TrainingOutcome(result.step(), result.examples(), result.tokens(),
                    optimiser.parameterCount(), result.lossCurve(), val.meanLoss(), val.accuracy(validation));
        }
    }

    private TrainingOutcome fineTune(BertClassifier model, LoraModel lora, ReplicatedParameters store, List<Device> devices,
            List<Example> train, List<Example> validation, TrainingPlan plan, LearningRateSchedule schedule,
            PipelineSpec spec, Checkpoints checkpoints, Optional<Path> latest, int pad, NDManager manager)
            throws IOException {
        TrainingSpec settings = spec.training();
        try (AdamW optimiser = new AdamW(manager, settings.weightDecay(), settings.clipGradNorm())) {
            if (lora == null) {
                optimiser.add("encoder", entries(parameters(model, false)), settings.learningRate());
            } else {
                optimiser.add("adapter", entries(lora.parameters()), settings.learningRate());
            }
            optimiser.add("head", entries(parameters(model, true)), settings.headLearningRate());
            TrainingProgress from = TrainingProgress.start();
            if (latest.isPresent()) {
                from = checkpoints.restore(latest.get(), optimiser);
                System.err.println(FINE_TUNE + ": resuming after step " + from.step() + " from " + latest.get());
            }
            TrainingProgress result = TrainingLoop.builder()
                    .setTask(FINE_TUNE)
                    .setPlan(plan)
                    .setLoss(new TrainingLoop.BatchLoss() {
                        @Override
                        public NDArray loss(NDManager scope, int[] batch) {
                            NDList inputs = ExampleBatches.inputs(scope, train, batch, pad);
                            NDArray logits = model.forward(store, inputs, true).singletonOrThrow();
                            return Evaluation.loss(ExampleBatches.labels(scope, train, batch), logits);
                        }

                        @Override
                        public long tokens(int[] batch) {
                            return ExampleBatches.tokens(train, batch);
                        }
                    })
                    .setOptimiser(optimiser)
                    .setSchedule(schedule)
                    .setSeed(spec.seed())
                    .optLogEvery(settings.logEvery())
                    .optListener(checkpoints.every(settings.checkpointEvery(), optimiser))
                    .optDevices(devices, store)
                    .build()
                    .run(from, manager);
            Evaluation.Predictions val = Evaluation.predict(validation, 64, manager, (scope, batch) ->
                    model.forward(store, ExampleBatches.inputs(scope, validation, batch, pad), false)
                            .singletonOrThrow());
            return new TrainingOutcome(result.step(), result.examples(), result.tokens(), optimiser.parameterCount(),
                    result.lossCurve(), val.meanLoss(), val.accuracy(validation));
        }
    }

    /** Pooled embeddings of the frozen pretrained encoder, one row per example. */
    static float[][] embed(String task, BertClassifier model, ParameterStore store, List<Example> examples, int pad,
            NDManager manager) {
        float[][] embeddings = new float[examples.size()][];
        Progress progress = Progress.of(task, "examples", examples.size());
        int done = 0;
        for (int[] batch : Batches.sequential(examples.size(), 64)) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray pooled = model.embed(store, ExampleBatches.inputs(scope, examples, batch, pad), false);
                int hidden = (int) pooled.getShape().get(1);
                float[] flat = pooled.toFloatArray();
                for (int i = 0; i < batch.length; i++) {
                    embeddings[batch[i]] = java.util.Arrays.copyOfRange(flat, i * hidden, (i + 1) * hidden);
                }
            }
            done += batch.length;
            progress.update(done, null);
        }
        return embeddings;
    }

    /** The head's parameters ({@code head}) or the encoder's. */
    private static List<HfParameter> parameters(BertClassifier model, boolean head) {
        return model.hfParameters().stream()
                .filter(p -> p.name().startsWith(BertClassifier.HEAD_PREFIX) == head)
                .toList();
    }

    private static List<Map.Entry<String, Parameter>> entries(List<HfParameter> parameters) {
        return parameters.stream().map(p -> Map.entry(p.name(), p.parameter())).toList();
    }

    private static float[] values(HfParameter parameter) {
        return parameter.parameter().getArray().toFloatArray();
    }

    private static HfParameter asHf(HeadProbe probe, int index) {
        Map.Entry<String, Parameter> entry = probe.parameters().get(index);
        Shape shape = entry.getValue().getArray().getShape();
        return new HfParameter(entry.getKey(), entry.getValue(), shape);
    }
}
