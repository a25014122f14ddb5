package dev.enclave.report;

import dev.enclave.eval.ClassMetrics;
import dev.enclave.eval.ClassificationMetrics;
import dev.enclave.eval.PairedComparison;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Headline result and plain-language findings for a data steward. */
final class SummarySection implements Section {

    @Override
    public String id() {
        return "summary";
    }

    @Override
    public String title() {
        return "Summary";
    }

    @Override
    public Optional<String> body(ReportData data) {
        StringBuilder out = new StringBuilder("<div class=\"headline\">");
        out.append(headline(data.baseMetrics(), data.tunedMetrics()));
        if (data.comparison() != null) {
            out.append(verdict(data.comparison()));
        }
        out.append("</div><ul class=\"findings\">");
        for (Finding finding : findings(data)) {
            out.append(finding.warning() ? "<li class=\"warn\">" : "<li>").append(finding.html()).append("</li>");
        }
        return Optional.of(out.append("</ul>").toString());
    }

    private static String headline(ClassificationMetrics base, ClassificationMetrics tuned) {
        if (tuned == null && base == null) {
            return "<p class=\"headline-main\">Evaluation not run</p>";
        }
        StringBuilder out = new StringBuilder("<p class=\"headline-main\">");
        if (tuned != null) {
            out.append("Tuned macro-F1 <b>").append(Fmt.metric(tuned.macroF1())).append("</b> ")
                    .append(Fmt.interval(tuned.macroF1Interval()));
        } else {
            out.append("Tuned model not evaluated");
        }
        if (base != null) {
            out.append(" vs base <b>").append(Fmt.metric(base.macroF1())).append("</b> ")
                    .append(Fmt.interval(base.macroF1Interval()));
        } else {
            out.append("; base model not evaluated");
        }
        ClassificationMetrics any = tuned != null ? tuned : base;
        return out.append("</p><p class=\"headline-sub\">Macro-F1 on ").append(Fmt.count(any.examples()))
                .append(" held-out test examples, with 95% bootstrap confidence intervals in brackets.</p>")
                .toString();
    }

    private static String verdict(PairedComparison comparison) {
        if (comparison.differenceInterval().low() > 0) {
            return "<p class=\"verdict good\">Clear improvement from fine-tuning</p>";
        }
        if (comparison.differenceInterval().high() < 0) {
            return "<p class=\"verdict bad\">Fine-tuning made the model worse</p>";
        }
        return "<p class=\"verdict neutral\">No clear difference between the models</p>";
    }

    private static List<Finding> findings(ReportData data) {
        List<Finding> findings = new ArrayList<>();
        ClassificationMetrics tuned = data.tunedMetrics();
        ClassificationMetrics base = data.baseMetrics();
        if (tuned != null) {
            String text = "On " + Fmt.count(tuned.examples()) + " held-out test examples in "
                    + tuned.labels().size() + " classes, the fine-tuned model reaches macro-F1 "
                    + Fmt.metric(tuned.macroF1()) + " (95% interval " + Fmt.metric(tuned.macroF1Interval().low())
                    + " to " + Fmt.metric(tuned.macroF1Interval().high()) + ") and accuracy "
                    + Fmt.metric(tuned.accuracy()) + ".";
            if (base != null) {
                text += " Before fine-tuning, the base model reaches macro-F1 " + Fmt.metric(base.macroF1())
                        + " and accuracy " + Fmt.metric(base.accuracy()) + ".";
            }
            findings.add(new Finding(text + " Macro-F1 averages the F1 score of each class, so rare classes count"
                    + " as much as common ones.", false));
        }
        if (data.comparison() != null) {
            findings.add(new Finding(comparison(data.comparison()), data.comparison().differenceInterval().high() < 0));
        }
        if (tuned != null) {
            weakestClass(tuned).ifPresent(findings::add);
            List<String> unmeasured = tuned.perClass().stream().filter(c -> c.support() == 0)
                    .map(c -> "\u201c" + Html.escape(c.label()) + "\u201d").toList();
            if (!unmeasured.isEmpty()) {
                findings.add(new Finding(unmeasured.size() + (unmeasured.size() == 1 ? " class has" : " classes have")
                        + " no test examples, so " + (unmeasured.size() == 1 ? "its" : "their")
                        + " recall cannot be measured: " + String.join(", ", unmeasured) + ".", true));
            }
        }
        dataAccounting(data).ifPresent(findings::add);
        findings.add(deidentification(data));
        residency(data).ifPresent(findings::add);
        return findings;
    }

    private static String comparison(PairedComparison c) {
        String direction = c.difference() >= 0 ? "higher" : "lower";
        String text = "Compared on the same test examples, the tuned model\u2019s macro-F1 is "
                + Fmt.metric(Math.abs(c.difference())) + " " + direction + " than the base model\u2019s (95% interval "
                + Fmt.signed(c.differenceInterval().low()) + " to " + Fmt.signed(c.differenceInterval().high())
                + ") and higher in " + Fmt.percent(c.fractionTunedBetter()) + " of "
                + Fmt.count(c.bootstrapSamples()) + " bootstrap resamples of the test set. ";
        if (c.differenceInterval().low() > 0) {
            return text + "The whole interval lies above zero, so the improvement is unlikely to be chance.";
        }
        if (c.differenceInterval().high() < 0) {
            return text + "The whole interval lies below zero: the tuned model is worse than the base model.";
        }
        return text + "The interval includes zero, so this test set cannot tell the two models apart.";
    }

    private static Optional<Finding> weakestClass(ClassificationMetrics tuned) {
        if (tuned.labels().size() < 2) {
            return Optional.empty();
        }
        return tuned.perClass().stream().filter(c -> c.support() > 0)
                .min(Comparator.comparingDouble(ClassMetrics::f1).thenComparing(ClassMetrics::label))
                .map(c -> new Finding("Weakest class for the tuned model: \u201c" + Html.escape(c.label())
                        + "\u201d with F1 " + Fmt.metric(c.f1()) + " on " + Fmt.count(c.support())
                        + " test examples (see Per-class results).", false));
    }

    private static Optional<Finding> dataAccounting(ReportData data) {
        if (data.stages().isEmpty()) {
            return Optional.empty();
        }
        List<StageCount> stages = data.stages();
        long quarantined = stages.stream().mapToLong(StageCount::quarantined).sum();
        long filtered = stages.stream().mapToLong(StageCount::filtered).sum();
        long unaccounted = stages.stream().mapToLong(stage -> Math.abs(stage.unaccounted())).sum();
        String text = "Of " + Fmt.count(stages.get(0).rowsIn()) + " input rows, "
                + Fmt.count(stages.get(stages.size() - 1).rowsOut()) + " came through data preparation; "
                + Fmt.count(quarantined) + " were quarantined as invalid and " + Fmt.count(filtered)
                + " were filtered out (see Data accounting).";
        if (unaccounted != 0) {
            return Optional.of(new Finding(text + " " + Fmt.count(unaccounted) + " rows are not accounted for by"
                    + " any stage\u2019s reasons.", true));
        }
        return Optional.of(new Finding(text + " Every row is accounted for.", false));
    }

    private static Finding deidentification(ReportData data) {
        if (data.deidentifiedByType() == null) {
            return new Finding("This run recorded no de-identification step.", true);
        }
        long spans = data.deidentifiedByType().values().stream().mapToLong(Long::longValue).sum();
        if (spans == 0) {
            return new Finding("De-identification ran and found no protected health information to replace.",
                    false);
        }
        long kinds = data.deidentifiedByType().values().stream().filter(count -> count > 0).count();
        return new Finding("De-identification replaced " + Fmt.count(spans) + " spans of protected health"
                + " information of " + kinds + (kinds == 1 ? " kind" : " kinds") + " before training.", false);
    }

    private static Optional<Finding> residency(ReportData data) {
        ResidencySummary residency = data.residency();
        if (residency == null) {
            return Optional.empty();
        }
        String files = Fmt.count(residency.filesRead()) + (residency.filesRead() == 1 ? " file was" : " files were")
                + " read and " + Fmt.count(residency.filesWritten()) + " written; the audit log holds "
                + Fmt.count(residency.auditEntries()) + (residency.auditEntries() == 1 ? " entry." : " entries.");
        if (residency.egressAttempts() == 0) {
            return Optional.of(new Finding("No outbound network connection was attempted. " + files, false));
        }
        return Optional.of(new Finding(Fmt.count(residency.egressAttempts()) + " outbound network "
                + (residency.egressAttempts() == 1 ? "connection was" : "connections were")
                + " attempted to hosts outside the allowed list (see Data residency). " + files, true));
    }

    /** One bullet: escaped HTML, flagged when the steward should look closer. */
    private record Finding(String html, boolean warning) {
    }
}
