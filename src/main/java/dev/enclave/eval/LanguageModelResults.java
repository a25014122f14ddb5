package dev.enclave.eval;

import dev.enclave.privacy.PrivacyResult;
import dev.enclave.run.RunContext;
import dev.enclave.train.PretrainedBaseline;
import dev.enclave.train.TrainStage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a language-model evaluation: {@code metrics.json} (task, how the base is defined, every
 * {@link MetricComparison} by name, extra facts such as the generation settings, the privacy tests, the training
 * summary), the {@code evaluate} entry of the manifest, {@code report.html} and a one-line summary on stderr. The
 * caller checks the privacy gates after this has written both files.
 */
final class LanguageModelResults {
    private LanguageModelResults() {}

    static void write(RunContext run, String task, int testExamples, List<MetricComparison> comparisons,
            Map<String, Object> extra, PrivacyResult privacy) throws IOException {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("task", task);
        metrics.put("test_examples", testExamples);
        metrics.put("base_model", PretrainedBaseline.DESCRIPTION);
        Map<String, MetricComparison> byName = new LinkedHashMap<>();
        comparisons.forEach(comparison -> byName.put(comparison.metric(), comparison));
        metrics.put("metrics", byName);
        metrics.putAll(extra);
        metrics.put("privacy", privacy);
        metrics.put("training", run.manifest().stage(TrainStage.NAME));
        run.manifest().addFile(run.files().writeJson(EvaluateStage.NAME, run.folder().metrics(), metrics));
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("task", task);
        stage.put("test_examples", testExamples);
        for (MetricComparison comparison : comparisons) {
            stage.put("base_" + comparison.metric(), comparison.base());
            stage.put("tuned_" + comparison.metric(), comparison.tuned());
        }
        run.manifest().putStage(EvaluateStage.NAME, stage);
        RunReport.writeLanguageModel(run, EvaluateStage.NAME, comparisons, privacy);
        StringBuilder line = new StringBuilder("evaluate   test");
        for (MetricComparison comparison : comparisons) {
            line.append(String.format(Locale.ROOT, " %s: base %.3f, tuned %.3f;", comparison.metric(),
                    comparison.base(), comparison.tuned()));
        }
        System.err.println(line.substring(0, line.length() - 1));
    }
}
