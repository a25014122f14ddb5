package dev.enclave.report;

import dev.enclave.eval.MetricComparison;
import java.util.List;

/**
 * The sections of a language-model run's report: the classification sections (summary, evaluation, per-class,
 * confusion) give way to {@link LanguageModelSection}; the model, the training loss curves, the privacy tests, data
 * accounting, splits, de-identification and residency stay.
 */
public final class LanguageModelReport {
    private LanguageModelReport() {}

    /** The sections, in order, for the given metrics. */
    public static List<Section> sections(List<MetricComparison> metrics) {
        return List.of(new LanguageModelSection(metrics), new ModelSection(), new TrainingSection(),
                new PrivacySection(), new DataAccountingSection(), new SplitSection(), new DeidentificationSection(),
                new ResidencySection());
    }
}
