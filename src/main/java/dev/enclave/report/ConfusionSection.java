package dev.enclave.report;

import java.util.List;
import java.util.Optional;

/** Confusion-matrix heatmaps, tuned model first. */
final class ConfusionSection implements Section {

    private static final double SIDE_BY_SIDE_WIDTH = 470;

    @Override
    public String id() {
        return "confusion";
    }

    @Override
    public String title() {
        return "Confusion matrices";
    }

    @Override
    public Optional<String> body(ReportData data) {
        List<ModelSeries> models = ModelSeries.of(data);
        if (models.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("<p class=\"note\">Rows are the gold labels, columns the predicted"
                + " labels; each cell counts test examples. Colour shows the cell\u2019s share of its row:"
                + " <span class=\"swatch correct\"></span> blue on the diagonal for correct predictions,"
                + " <span class=\"swatch error\"></span> orange off it for errors.</p>");
        // Two heatmaps fit side by side up to about 470 pixels each; larger ones get a row each.
        boolean sideBySide = ConfusionHeatmap.width(models.get(0).metrics().labels()) <= SIDE_BY_SIDE_WIDTH;
        out.append(sideBySide ? "<div class=\"figures\">" : "<div class=\"figures stacked\">");
        for (int m = models.size() - 1; m >= 0; m--) {
            ModelSeries model = models.get(m);
            out.append("<figure>").append(ConfusionHeatmap.render(model.metrics(), model.name()))
                    .append("<figcaption>").append(Html.escape(model.name())).append(" model \u00b7 accuracy ")
                    .append(Fmt.metric(model.metrics().accuracy())).append("</figcaption></figure>");
        }
        return Optional.of(out.append("</div>").toString());
    }
}
