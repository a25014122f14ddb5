package dev.enclave.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.LlamaConfig;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.prep.PreparedSplits.CausalSequence;
import dev.enclave.run.RunContext;
import dev.enclave.spec.PipelineSpec;
import java.io.IOException;
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
 */
public final class CausalLmEvaluation {
    /** Per-model results on the test split. */
    private record Scored(ExampleLosses losses, List<GreedyCompletions.Completion> completions) {}

    /** Evaluates and writes metrics.json, the manifest entry and the report. */
    public void run(RunContext run) throws IOException {
        PipelineSpec spec = run.spec();
        List<CausalSequence> test = PreparedSplits.readCausal(run, EvaluateStage.NAME, "test");
        HfModelFolder pretrained = HfModelFolder.open(run.policy().resolve(spec.model().path(), "model.path"));
        HfModelFolder tunedFolder = HfModelFolder.open(run.files().check(run.folder().model(), "read"));
        Scored base = score(pretrained, test, spec, "generate-base");
        Scored tuned = score(tunedFolder, test, spec, "generate-tuned");
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
        LanguageModelResults.write(run, "causal-lm", test.size(), comparisons, Map.of("generation", generation));
    }

    private static Scored score(HfModelFolder folder, List<CausalSequence> test, PipelineSpec spec, String task)
            throws IOException {
        LlamaConfig config = LlamaConfig.read(folder);
        try (NDManager manager = NDManager.newBaseManager()) {
            LlamaCausalLm model = LlamaCausalLm.builder().setConfig(config).build();
            model.loadWeights(folder, manager);
            ParameterStore store = new ParameterStore(manager, false);
            ExampleLosses losses = ExampleLosses.causal(model, store, test, spec.evaluation().batchSize(),
                    config.padTokenId(), manager);
            return new Scored(losses, GreedyCompletions.generate(model, store, manager, test,
                    spec.evaluation().generationExamples(), task));
        }
    }

    private static double[] values(Scored scored, boolean exactMatch) {
        return scored.completions().stream()
                .mapToDouble(c -> exactMatch ? (c.exactMatch() ? 1 : 0) : c.rougeL()).toArray();
    }
}
