package dev.enclave.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Loss curves recorded during training. */
final class TrainingSection implements Section {

    @Override
    public String id() {
        return "training";
    }

    @Override
    public String title() {
        return "Training loss";
    }

    @Override
    public Optional<String> body(ReportData data) {
        List<LossCurve> curves = data.lossCurves().stream().filter(curve -> !curve.points().isEmpty()).toList();
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        Table table = new Table("Curve", "Points", "First loss", "Last loss", "Lowest loss", "At step")
                .numeric(1, 2, 3, 4, 5);
        for (LossCurve curve : curves) {
            List<LossPoint> points = curve.points();
            LossPoint lowest = points.stream().min(Comparator.comparingDouble(LossPoint::loss)).orElseThrow();
            table.row(Html.escape(curve.name()), Fmt.count(points.size()), Fmt.metric3(points.get(0).loss()),
                    Fmt.metric3(points.get(points.size() - 1).loss()), Fmt.metric3(lowest.loss()),
                    Fmt.count(lowest.step()));
        }
        return Optional.of("<figure>" + LossChart.render(curves) + "</figure>" + table);
    }
}
