package dev.enclave.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.run.RunContext;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.train.Example;
import dev.enclave.train.MaskedLmMasking;
import dev.enclave.train.MaskedLmVocabulary;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code evaluate} stage for {@code task.type: masked-lm}: the pretrained model ({@code model.path}) and the
 * tuned one ({@code model/}) on one seeded masking of the test split (the spec's seed, round {@value #ROUND}, the
 * same for both models), with 95% bootstrap intervals and their paired difference: {@code masked_token_loss}, the
 * mean negative log-likelihood per masked token, and {@code perplexity}, its {@code exp}.
 */
public final class MaskedLmEvaluation {
    /** The masking round evaluation uses; training uses rounds from 1. */
    public static final int ROUND = 0;

    /** Evaluates and writes metrics.json, the manifest entry and the report. */
    public void run(RunContext run) throws IOException {
        PipelineSpec spec = run.spec();
        List<Example> test = PreparedSplits.read(run, EvaluateStage.NAME, "test");
        HfModelFolder pretrained = HfModelFolder.open(run.policy().resolve(spec.model().path(), "model.path"));
        HfModelFolder tunedFolder = HfModelFolder.open(run.files().check(run.folder().model(), "read"));
        ExampleLosses base = score(pretrained, test, spec);
        ExampleLosses tuned = score(tunedFolder, test, spec);
        long seed = spec.seed();
        int samples = spec.evaluation().bootstrapSamples();
        List<MetricComparison> comparisons = List.of(
                MetricComparison.of("masked_token_loss", false, base.meanLoss(), tuned.meanLoss(), base.tokens(),
                        x -> x, seed, samples),
                MetricComparison.of("perplexity", false, base.meanLoss(), tuned.meanLoss(), base.tokens(),
                        Math::exp, seed, samples));
        LanguageModelResults.write(run, "masked-lm", test.size(), comparisons, Map.of("masking", Map.of(
                "probability", MaskedLmMasking.PROBABILITY, "seed", seed, "round", ROUND,
                "masked_tokens", (long) java.util.Arrays.stream(base.tokens()).sum())));
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
