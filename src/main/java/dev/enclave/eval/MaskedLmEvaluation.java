package dev.enclave.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.bert.MaskedLm;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.privacy.LanguageModelPrivacy;
import dev.enclave.privacy.PrivacyResult;
import dev.enclave.run.RunContext;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.train.Example;
import dev.enclave.train.MaskedLmMasking;
import dev.enclave.train.MaskedLmVocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code evaluate} stage for {@code task.type: masked-lm}: the pretrained model ({@code model.path}) and the
 * tuned one ({@code model/}) on one seeded masking of the test split (the spec's seed, round {@value #ROUND}, the
 * same for both models), with 95% bootstrap intervals and their paired difference: {@code masked_token_loss}, the
 * mean negative log-likelihood per masked token, and {@code perplexity}, its {@code exp}. Then the privacy tests
 * ({@link LanguageModelPrivacy}) on both models: canary exposure by pseudo-log-likelihood, and the membership attack on
 * the masked-token losses of sampled train rows against sampled test rows, masked the same way. A masked LM does not
 * generate text, so there is no leak scan. A failed privacy gate fails the stage after metrics.json and the report are
 * written.
 */
public final class MaskedLmEvaluation {
    /** The masking round evaluation uses; training uses rounds from 1. */
    public static final int ROUND = 0;

    /** Evaluates and writes metrics.json, the manifest entry and the report, then checks the privacy gates. */
    public void run(RunContext run) throws IOException {
        PipelineSpec spec = run.spec();
        List<Example> test = PreparedSplits.read(run, EvaluateStage.NAME, "test");
        List<Example> train = PreparedSplits.read(run, EvaluateStage.NAME, "train");
        LanguageModelPrivacy privacy = LanguageModelPrivacy.plan(run, EvaluateStage.NAME, train.size(), test.size());
        List<Example> members = privacy.members(train);
        Path pretrainedPath = run.policy().resolve(spec.model().path(), "model.path");
        Path tunedPath = run.files().check(run.folder().model(), "read");
        HfModelFolder pretrained = HfModelFolder.open(pretrainedPath);
        HfModelFolder tunedFolder = HfModelFolder.open(tunedPath);
        ExampleLosses base = score(pretrained, test, spec);
        ExampleLosses tuned = score(tunedFolder, test, spec);
        PrivacyResult result = privacy.result(
                measure(privacy, pretrainedPath, score(pretrained, members, spec), base),
                measure(privacy, tunedPath, score(tunedFolder, members, spec), tuned),
                null, PrivacyResult.MASKED_LM_NOTE);
        long seed = spec.seed();
        int samples = spec.evaluation().bootstrapSamples();
        List<MetricComparison> comparisons = List.of(
                MetricComparison.of("masked_token_loss", false, base.meanLoss(), tuned.meanLoss(), base.tokens(),
                        x -> x, seed, samples),
                MetricComparison.of("perplexity", false, base.meanLoss(), tuned.meanLoss(), base.tokens(),
                        Math::exp, seed, samples));
        LanguageModelResults.write(run, "masked-lm", test.size(), comparisons, Map.of("masking", Map.of(
                "probability", MaskedLmMasking.PROBABILITY, "seed", seed, "round", ROUND,
                "masked_tokens", (long) java.util.Arrays.stream(base.tokens()).sum())), result);
        result.requirePassed();
    }

    /** Canary exposure by pseudo-log-likelihood and the membership attack on one model's losses. */
    private static LanguageModelPrivacy.ModelFigures measure(LanguageModelPrivacy privacy, Path folder,
            ExampleLosses members, ExampleLosses test) {
        try (MaskedLm model = MaskedLm.open(folder, ProjectionAdapters.NONE)) {
            return privacy.measure(model, members.meanLoss(), privacy.nonMemberLosses(test.meanLoss()));
        }
    }

    /**
     * Per-example masked-token losses of a model folder on examples, masked as evaluation masks them: the method
     * membership inference calls.
     */
    public static ExampleLosses score(HfModelFolder folder, List<Example> examples, PipelineSpec spec)
            throws IOException {
        BertConfig config = BertConfig.read(folder);
        MaskedLmMasking masking = new MaskedLmMasking(MaskedLmVocabulary.of(folder, config.vocabSize()), spec.seed());
        try (NDManager manager = NDManager.newBaseManager()) {
            BertMaskedLm model = new BertMaskedLm(config);
            model.loadWeights(folder, manager);
            return ExampleLosses.masked(model, new ParameterStore(manager, false), examples, masking, ROUND,
                    spec.evaluation().batchSize(), config.padTokenId(), manager);
        }
    }
}
