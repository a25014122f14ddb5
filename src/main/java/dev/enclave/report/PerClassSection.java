package dev.enclave.report;

import dev.enclave.eval.ClassMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Precision, recall and F1 of every class for each evaluated model. */
final class PerClassSection implements Section {

    @Override
    public String id() {
        return "per-class";
    }

    @Override
    public String title() {
        return "Per-class results";
    }

    @Override
    public Optional<String> body(ReportData data) {
        List<ModelSeries> models = ModelSeries.of(data);
        if (models.isEmpty()) {
            return Optional.empty();
        }
        List<String> headers = new ArrayList<>(List.of("Class", "Support"));
        for (ModelSeries model : models) {
            headers.addAll(List.of(model.name() + " precision", model.name() + " recall", model.name() + " F1"));
        }
        Table table = new Table(headers.toArray(String[]::new))
                .numeric(IntStream.range(1, headers.size()).toArray());
        List<String> labels = models.get(0).metrics().labels();
        for (int c = 0; c < labels.size(); c++) {
            List<String> cells = new ArrayList<>();
            int support = models.get(0).metrics().perClass().get(c).support();
            cells.add(Html.escape(labels.get(c))
                    + (support == 0 ? " <span class=\"tag\">no test examples</span>" : ""));
            cells.add(Fmt.count(support));
            for (ModelSeries model : models) {
                ClassMetrics metrics = model.metrics().perClass().get(c);
                cells.add(Fmt.metric3(metrics.precision()));
                cells.add(Fmt.metric3(metrics.recall()));
                cells.add("<b>" + Fmt.metric3(metrics.f1()) + "</b>");
            }
            table.row(cells.toArray(String[]::new));
        }
        return Optional.of("<figure>" + ClassF1Chart.render(models) + "</figure>" + table
                + "<p class=\"note\">Support is the number of test examples of the class. A ratio with nothing to"
                + " divide by (a class never predicted, or with no test examples) is shown as 0.000; a class with"
                + " neither test examples nor predictions is left out of macro-F1.</p>");
    }
}
