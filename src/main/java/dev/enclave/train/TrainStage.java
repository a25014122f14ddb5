package dev.enclave.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.BertClassifier;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.run.FileRecord;
import dev.enclave.run.Progress;
import dev.enclave.run.RunContext;
import dev.enclave.run.Stage;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.spec.TrainingSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fine-tunes the encoder and a classification head on the train split, and, for comparison, trains the base model's
 * head on the frozen pretrained encoder for the same steps and batches. Writes {@code model/} (Hugging Face layout),
 * {@code baseline/classifier.safetensors} and the loss curves, and puts the training figures into the manifest.
 */
public final class TrainStage implements Stage {
    public static final String NAME = "train";
    /** Run-folder file holding the base model's head. */
    public static final String BASELINE_HEAD = "baseline/classifier.safetensors";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        PipelineSpec spec = run.spec();
        TrainingSpec settings = spec.training();
        List<String> labels = spec.data().labels();
        HfModelFolder folder = HfModelFolder.open(run.policy().resolve(spec.model().path(), "model.path"));
        BertConfig config = BertConfig.read(folder);
        List<Example> train = PreparedSplits.read(run, NAME, "train");
        List<Example> validation = PreparedSplits.read(run, NAME, "validation");
        if (train.isEmpty()) {
            throw EnclaveException.badInput("the train split is empty: nothing to train on");
        }
        List<int[]> plan = plan(train.size(), settings, spec.seed());
        LearningRateSchedule schedule = LearningRateSchedule.of(plan.size(), settings.warmupFraction());
        Engine.getInstance().setRandomSeed(Long.hashCode(spec.seed()));
        int pad = config.padTokenId();

        try (NDManager manager = NDManager.newBaseManager()) {
            BertClassifier model = BertClassifier.builder()
                    .setConfig(config)
                    .setNumLabels(labels.size())
                    .optDropout(settings.dropout().floatValue())
                    .optHeadSeed(spec.seed())
                    .build();
            model.loadPretrained(folder, manager);
            ParameterStore store = new ParameterStore(manager, false);
            Map<String, HfParameter> byName = new LinkedHashMap<>();
            model.hfParameters().forEach(p -> byName.put(p.name(), p));

            HeadProbe probe = new HeadProbe(manager, values(byName.get("classifier.weight")),
                    values(byName.get("classifier.bias")), labels.size(), config.hiddenSize());
            TrainingOutcome base = trainProbe(probe, model, store, train, validation, plan, schedule, settings,
                    pad, manager);
            FileRecord baseline = ModelExport.weights(run, NAME, run.folder().root().resolve(BASELINE_HEAD),
                    List.of(asHf(probe, 0), asHf(probe, 1)));
            run.manifest().addFile(baseline);

            TrainingOutcome tuned = fineTune(model, store, train, validation, plan, schedule, settings, pad, manager);
            for (FileRecord file : ModelExport.classifier(run, NAME, run.folder().model(), folder,
                    model.hfParameters(), labels)) {
                run.manifest().addFile(file);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("steps", plan.size());
            summary.put("batch_size", settings.batchSize());
            summary.put("train_examples", train.size());
            summary.put("validation_examples", validation.size());
            summary.put("base", base);
            summary.put("tuned", tuned);
            run.manifest().putStage(NAME, summary);
        }
    }

    private static List<int[]> plan(int examples, TrainingSpec settings, long seed) {
        List<int[]> plan = Batches.plan(examples, settings.batchSize(), settings.epochs(), seed);
        return settings.maxSteps() > 0 && settings.maxSteps() < plan.size()
                ? plan.subList(0, settings.maxSteps()) : plan;
    }

    private static TrainingOutcome trainProbe(HeadProbe probe, BertClassifier model, ParameterStore store,
            List<Example> train, List<Example> validation, List<int[]> plan, LearningRateSchedule schedule,
            TrainingSpec settings, int pad, NDManager manager) {
        float[][] trainEmbeddings = embed("embed", model, store, train, pad, manager);
        float[][] validationEmbeddings = embed("embed-val", model, store, validation, pad, manager);
        try (AdamW optimiser = new AdamW(manager, settings.weightDecay(), settings.clipGradNorm())) {
            optimiser.add("head", probe.parameters(), settings.headLearningRate());
            TrainingLoop.Result result = TrainingLoop.run("base-head", plan, new TrainingLoop.BatchLoss() {
                @Override
                public NDArray loss(NDManager scope, int[] batch) {
                    return Evaluation.loss(ExampleBatches.labels(scope, train, batch),
                            probe.logits(scope, trainEmbeddings, batch));
                }

                @Override
                public long tokens(int[] batch) {
                    return ExampleBatches.tokens(train, batch);
                }
            }, optimiser, schedule, settings.logEvery(), manager);
            Evaluation.Predictions val = Evaluation.predict(validation, 256, manager,
                    (scope, batch) -> probe.logits(scope, validationEmbeddings, batch));
            return new TrainingOutcome(result.steps(), result.examples(), result.tokens(), probeSize(probe),
                    result.lossCurve(), val.meanLoss(), val.accuracy(validation));
        }
    }

    private static TrainingOutcome fineTune(BertClassifier model, ParameterStore store, List<Example> train,
            List<Example> validation, List<int[]> plan, LearningRateSchedule schedule, TrainingSpec settings, int pad,
            NDManager manager) {
        List<HfParameter> parameters = model.hfParameters();
        try (AdamW optimiser = new AdamW(manager, settings.weightDecay(), settings.clipGradNorm())) {
            optimiser.add("encoder", entries(parameters, false), settings.learningRate());
            optimiser.add("head", entries(parameters, true), settings.headLearningRate());
            TrainingLoop.Result result = TrainingLoop.run("fine-tune", plan, new TrainingLoop.BatchLoss() {
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
            }, optimiser, schedule, settings.logEvery(), manager);
            Evaluation.Predictions val = Evaluation.predict(validation, 64, manager, (scope, batch) ->
                    model.forward(store, ExampleBatches.inputs(scope, validation, batch, pad), false)
                            .singletonOrThrow());
            long trainable = parameters.stream().mapToLong(p -> p.shape().size()).sum();
            return new TrainingOutcome(result.steps(), result.examples(), result.tokens(), trainable,
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

    private static List<Map.Entry<String, Parameter>> entries(List<HfParameter> parameters, boolean head) {
        return parameters.stream()
                .filter(p -> p.name().startsWith(BertClassifier.HEAD_PREFIX) == head)
                .map(p -> Map.entry(p.name(), p.parameter()))
                .toList();
    }

    private static float[] values(HfParameter parameter) {
        return parameter.parameter().getArray().toFloatArray();
    }

    private static long probeSize(HeadProbe probe) {
        return probe.parameters().stream().mapToLong(e -> e.getValue().getArray().getShape().size()).sum();
    }

    private static HfParameter asHf(HeadProbe probe, int index) {
        Map.Entry<String, Parameter> entry = probe.parameters().get(index);
        Shape shape = entry.getValue().getArray().getShape();
        return new HfParameter(entry.getKey(), entry.getValue(), shape);
    }
}
