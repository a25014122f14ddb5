package dev.enclave.report;

import dev.enclave.eval.ClassificationMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's metrics as a chart series.
 *
 * @param name    {@code Base} or {@code Tuned}
 * @param colour  series colour
 * @param metrics the model's metrics
 */
record ModelSeries(String name, String colour, ClassificationMetrics metrics) {

    /** The evaluated models of a run, base first, so charts always show them in the same order and colours. */
    static List<ModelSeries> of(ReportData data) {
        List<ModelSeries> series = new ArrayList<>(2);
        if (data.baseMetrics() != null) {
            series.add(new ModelSeries("Base", Palette.BASE, data.baseMetrics()));
        }
        if (data.tunedMetrics() != null) {
            series.add(new ModelSeries("Tuned", Palette.TUNED, data.tunedMetrics()));
        }
        return List.copyOf(series);
    }
}
