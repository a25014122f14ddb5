package dev.enclave.report;

import dev.enclave.eval.ClassificationMetrics;
import dev.enclave.eval.Interval;
import dev.enclave.eval.PairedComparison;
import java.util.List;
import java.util.Optional;

/** Accuracy and macro-F1 of the base and tuned models with intervals, and their paired difference. */
final class EvaluationSection implements Section {

    @Override
    public String id() {
        return "evaluation";
    }

    @Override
    public String title() {
        return "Evaluation on the test set";
    }

    @Override
    public Optional<String> body(ReportData data) {
        List<ModelSeries> models = ModelSeries.of(data);
        if (models.isEmpty()) {
            return Optional.empty();
        }
        ClassificationMetrics base = data.baseMetrics();
        ClassificationMetrics tuned = data.tunedMetrics();
        boolean both = base != null && tuned != null;
        PairedComparison comparison = data.comparison();

        String[] headers = both ? new String[] {"Metric", "Base", "Tuned", "Tuned \u2212 base"}
                : new String[] {"Metric", models.get(0).name()};
        Table table = new Table(headers).numeric(both ? new int[] {1, 2, 3} : new int[] {1});
        table.row(row("Accuracy", models, both ? Fmt.signed(tuned.accuracy() - base.accuracy()) : null, true));
        table.row(row("Macro-F1", models, both ? macroF1Difference(base, tuned, comparison) : null, false));
        if (both && comparison != null) {
            table.row("Tuned better in", "", "", Fmt.percent(comparison.fractionTunedBetter())
                    + " <span class=\"muted\">of resamples</span>");
        }
        ClassificationMetrics any = models.get(0).metrics();
        String note = "<p class=\"note\">Brackets hold 95% bootstrap percentile intervals from "
                + Fmt.count(any.bootstrapSamples()) + " resamples of the " + Fmt.count(any.examples())
                + " test examples (seed " + any.seed() + ")."
                + (both && comparison != null ? " The macro-F1 difference is paired: both models are scored on the"
                        + " same resamples, so its interval reflects the difference between the models rather than"
                        + " which examples happened to be drawn." : "")
                + "</p>";
        return Optional.of(table + "<div class=\"split\"><figure>" + MetricBarChart.render(models) + "</figure>"
                + note + "</div>");
    }

    private static String[] row(String metric, List<ModelSeries> models, String difference, boolean accuracy) {
        String[] cells = new String[1 + models.size() + (difference == null ? 0 : 1)];
        cells[0] = Html.escape(metric);
        for (int m = 0; m < models.size(); m++) {
            ClassificationMetrics metrics = models.get(m).metrics();
            double value = accuracy ? metrics.accuracy() : metrics.macroF1();
            Interval interval = accuracy ? metrics.accuracyInterval() : metrics.macroF1Interval();
            cells[1 + m] = Fmt.metric3(value) + " <span class=\"ci\">" + Fmt.interval(interval) + "</span>";
        }
        if (difference != null) {
            cells[cells.length - 1] = difference;
        }
        return cells;
    }

    private static String macroF1Difference(ClassificationMetrics base, ClassificationMetrics tuned,
            PairedComparison comparison) {
        if (comparison == null) {
            return Fmt.signed(tuned.macroF1() - base.macroF1());
        }
        return "<b>" + Fmt.signed(comparison.difference()) + "</b> <span class=\"ci\">"
                + Fmt.signedInterval(comparison.differenceInterval()) + "</span>";
    }
}
