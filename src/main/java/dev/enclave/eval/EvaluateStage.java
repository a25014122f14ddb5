package dev.enclave.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.bert.BertClassifier;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.safetensors.SafetensorsReader;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.privacy.ClassificationPrivacy;
import dev.enclave.privacy.ClassifierScorer;
import dev.enclave.privacy.PrivacyResult;
import dev.enclave.run.RunContext;
import dev.enclave.run.Stage;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.train.Evaluation;
import dev.enclave.train.Example;
import dev.enclave.train.ExampleBatches;
import dev.enclave.train.TrainStage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the base model (frozen pretrained encoder + its trained head) and the tuned model on the test split, with
 * bootstrap intervals and a paired comparison, runs the privacy tests, then writes {@code metrics.json} and
 * {@code report.html}; a failed privacy gate fails the stage after both are written.
 */
public final class EvaluateStage implements Stage {
    public static final String NAME = "evaluate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        switch (run.spec().task().type()) {
            case CAUSAL_LM -> new CausalLmEvaluation().run(run);
            case MASKED_LM -> new MaskedLmEvaluation().run(run);
            case CLASSIFICATION -> evaluateClassifier(run);
        }
    }

    private void evaluateClassifier(RunContext run) throws Exception {
        PipelineSpec spec = run.spec();
        List<String> labels = spec.data().labels();
        List<Example> test = PreparedSplits.read(run, NAME, "test");
        int[] gold = test.stream().mapToInt(Example::label).toArray();
        int batchSize = spec.evaluation().batchSize();
        HfModelFolder pretrained = HfModelFolder.open(run.policy().resolve(spec.model().path(), "model.path"));
        HfModelFolder tunedFolder = HfModelFolder.open(run.files().check(run.folder().model(), "read"));
        Path baselineHead = run.files().check(run.folder().root().resolve(TrainStage.BASELINE_HEAD), "read");
        run.files().recordRead(NAME, baselineHead, null);
        int[] base;
        int[] tuned;
        PrivacyResult privacy;
        try (NDManager manager = NDManager.newBaseManager();
                TextEncoder encoder = TextEncoder.open(pretrained.tokenizerFile(), spec.task().maxTokens())) {
            BertClassifier baseModel = classifier(BertConfig.read(pretrained), labels.size());
            baseModel.loadPretrained(pretrained, manager);
            replaceHead(baseModel, baselineHead);
            base = predict(baseModel, test, batchSize, BertConfig.read(pretrained).padTokenId(), manager);
            BertClassifier tunedModel = classifier(BertConfig.read(tunedFolder), labels.size());
            tunedModel.loadWeights(tunedFolder, manager);
            tuned = predict(tunedModel, test, batchSize, BertConfig.read(tunedFolder).padTokenId(), manager);
            privacy = ClassificationPrivacy.evaluate(run, NAME,
                    new ClassifierScorer(baseModel, encoder, BertConfig.read(pretrained).padTokenId(), batchSize,
                            manager),
                    new ClassifierScorer(tunedModel, encoder, BertConfig.read(tunedFolder).padTokenId(), batchSize,
                            manager),
                    test);
        }
        int samples = spec.evaluation().bootstrapSamples();
        ClassificationMetrics baseMetrics = ClassificationMetrics.of(gold, base, labels, spec.seed(), samples);
        ClassificationMetrics tunedMetrics = ClassificationMetrics.of(gold, tuned, labels, spec.seed(), samples);
        PairedComparison comparison = PairedComparison.of(gold, base, tuned, labels, spec.seed(), samples);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_examples", test.size());
        metrics.put("base", baseMetrics);
        metrics.put("tuned", tunedMetrics);
        metrics.put("comparison", comparison);
        metrics.put("privacy", privacy);
        metrics.put("training", run.manifest().stage(TrainStage.NAME));
        run.manifest().addFile(run.files().writeJson(NAME, run.folder().metrics(), metrics));
        run.manifest().putStage(NAME, Map.of("test_examples", test.size(),
                "base_macro_f1", baseMetrics.macroF1(), "tuned_macro_f1", tunedMetrics.macroF1()));
        RunReport.write(run, NAME, baseMetrics, tunedMetrics, comparison, privacy);
        System.err.printf(java.util.Locale.ROOT, "evaluate   test macro-F1: base %.3f, tuned %.3f (difference %+.3f)%n",
                baseMetrics.macroF1(), tunedMetrics.macroF1(), comparison.difference());
        privacy.requirePassed();
    }

    private static BertClassifier classifier(BertConfig config, int labels) {
        return BertClassifier.builder().setConfig(config).setNumLabels(labels).build();
    }

    private static void replaceHead(BertClassifier model, Path head) throws IOException {
        try (SafetensorsReader reader = SafetensorsReader.open(head)) {
            for (HfParameter parameter : model.hfParameters()) {
                if (parameter.name().startsWith(BertClassifier.HEAD_PREFIX)) {
                    parameter.parameter().getArray().set(reader.readFloats(parameter.name()));
                }
            }
        }
    }

    private static int[] predict(BertClassifier model, List<Example> test, int batchSize, int pad,
            NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        return Evaluation.predict(test, batchSize, manager, (scope, batch) ->
                model.forward(store, ExampleBatches.inputs(scope, test, batch, pad), false).singletonOrThrow())
                .predicted();
    }
}
