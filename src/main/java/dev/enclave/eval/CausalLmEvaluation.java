package dev.enclave.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.llama.CausalLm;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.prep.PreparedSplits.CausalSequence;
import dev.enclave.privacy.LanguageModelPrivacy;
import dev.enclave.privacy.LeakScanResult;
import dev.enclave.privacy.PrivacyResult;
import dev.enclave.run.RunContext;
import dev.enclave.spec.PipelineSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code evaluate} stage for {@code task.type: causal-lm}: the pretrained model ({@code model.path}) and the
 * tuned one ({@code model/}) on the test split, each with a 95% bootstrap interval, and their paired difference:
 * <ul>
 *   <li>{@code loss}: mean negative log-likelihood per loss-masked token (token-weighted over every row);
 *   <li>{@code perplexity}: {@code exp(loss)};
 *   <li>{@code exact_match} and {@code rouge_l} (on tokens) of greedy completions of the first
 *       {@code evaluation.generation_examples} unpacked examples with a prompt ({@link GreedyCompletions}).
 * </ul>
 * Then the privacy tests ({@link LanguageModelPrivacy}): canary exposure and the membership attack (per-row losses of
 * the loss-masked tokens, sampled train rows against sampled test rows) on both models, and the leak scan of the tuned
 * model's greedy completions and of its continuations of each canary's prefix. A failed privacy gate fails the stage
 * after metrics.json and the report are written.
 */
public final class CausalLmEvaluation {
    /** Per-model results. */
    private record Scored(ExampleLosses losses, List<GreedyCompletions.Completion> completions,
            LanguageModelPrivacy.ModelFigures privacy, LeakScanResult leakScan) {}

    /** Evaluates and writes metrics.json, the manifest entry and the report, then checks the privacy gates. */
    public void run(RunContext run) throws IOException {
        PipelineSpec spec = run.spec();
        List<CausalSequence> test = PreparedSplits.readCausal(run, EvaluateStage.NAME, "test");
        List<CausalSequence> train = PreparedSplits.readCausal(run, EvaluateStage.NAME, "train");
        LanguageModelPrivacy privacy = LanguageModelPrivacy.plan(run, EvaluateStage.NAME, train.size(), test.size());
        List<CausalSequence> members = privacy.members(train);
        Path pretrained = run.policy().resolve(spec.model().path(), "model.path");
        Path tunedFolder = run.files().check(run.folder().model(), "read");
        Scored base = score(pretrained, test, members, privacy, spec, "generate-base", false);
        Scored tuned = score(tunedFolder, test, members, privacy, spec, "generate-tuned", true);
        long seed = spec.seed();
        int samples = spec.evaluation().bootstrapSamples();
        List<MetricComparison> comparisons = new ArrayList<>();
        comparisons.add(MetricComparison.of("loss", false, base.losses().meanLoss(), tuned.losses().meanLoss(),
                base.losses().tokens(), x -> x, seed, samples));
        comparisons.add(MetricComparison.of("perplexity", false, base.losses().meanLoss(),
                tuned.losses().meanLoss(), base.losses().tokens(), Math::exp, seed, samples));
        int generated = base.completions().size();
        if (generated > 0) {
            double[] ones = MetricComparison.ones(generated);
            comparisons.add(MetricComparison.of("exact_match", true, values(base, true), values(tuned, true), ones,
                    x -> x, seed, samples));
            comparisons.add(MetricComparison.of("rouge_l", true, values(base, false), values(tuned, false), ones,
                    x -> x, seed, samples));
        }
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("examples", generated);
        generation.put("limit", spec.evaluation().generationExamples());
        generation.put("decoding", "greedy");
        generation.put("max_new_tokens", "reference tokens + 1 + " + GreedyCompletions.MARGIN);
        generation.put("packed_rows_skipped", test.stream().filter(row -> row.exampleStarts().length > 1).count());
        PrivacyResult result = privacy.result(base.privacy(), tuned.privacy(), tuned.leakScan(), null);
        LanguageModelResults.write(run, "causal-lm", test.size(), comparisons, Map.of("generation", generation),
                result);
        result.requirePassed();
    }

    /**
     * Loads one model and measures it: test losses, greedy completions, the privacy figures and, when
     * {@code scanLeaks}, the leak scan of its completions and canary-prefix continuations.
     */
    private static Scored score(Path folder, List<CausalSequence> test, List<CausalSequence> members,
            LanguageModelPrivacy privacy, PipelineSpec spec, String task, boolean scanLeaks) {
        int batchSize = spec.evaluation().batchSize();
        try (CausalLm lm = CausalLm.open(folder, ProjectionAdapters.NONE);
                NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            int pad = lm.config().padTokenId();
            ExampleLosses losses = ExampleLosses.causal(lm.model(), store, test, batchSize, pad, manager);
            List<GreedyCompletions.Completion> completions = GreedyCompletions.generate(lm.model(), store, manager,
                    test, spec.evaluation().generationExamples(), task);
            ExampleLosses memberLosses = ExampleLosses.causal(lm.model(), store, members, batchSize, pad, manager);
            LanguageModelPrivacy.ModelFigures figures = privacy.measure(lm, memberLosses.meanLoss(),
                    privacy.nonMemberLosses(losses.meanLoss()));
            LeakScanResult leakScan = null;
            if (scanLeaks) {
                List<String> generations = new ArrayList<>();
                completions.forEach(c -> generations.add(lm.decode(c.generatedIds())));
                generations.addAll(privacy.canaryPrefixGenerations(lm));
                leakScan = privacy.scan(generations);
            }
            return new Scored(losses, completions, figures, leakScan);
        }
    }

    private static double[] values(Scored scored, boolean exactMatch) {
        return scored.completions().stream()
                .mapToDouble(c -> exactMatch ? (c.exactMatch() ? 1 : 0) : c.rougeL()).toArray();
    }
}
