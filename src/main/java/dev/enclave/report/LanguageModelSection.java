package dev.enclave.report;

import dev.enclave.eval.Interval;
import dev.enclave.eval.MetricComparison;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language-model run's evaluation: each metric of the base (the pretrained model, not trained) and the tuned model
 * with 95% bootstrap intervals, their paired difference and how often the tuned model was better across resamples,
 * with a verdict on the first metric whose difference interval excludes zero.
 */
final class LanguageModelSection implements Section {
    private final List<MetricComparison> metrics;

    LanguageModelSection(List<MetricComparison> metrics) {
        this.metrics = List.copyOf(metrics);
    }

    @Override
    public String id() {
        return "lm-evaluation";
    }

    @Override
    public String title() {
        return "Language-model evaluation on the test set";
    }

    @Override
    public Optional<String> body(ReportData data) {
        if (metrics.isEmpty()) {
            return Optional.empty();
        }
        MetricComparison headline = metrics.stream().filter(m -> m.metric().equals("perplexity")).findFirst()
                .orElse(metrics.get(0));
        StringBuilder out = new StringBuilder("<div class=\"headline\"><p class=\"headline-main\">Tuned ")
                .append(Html.escape(name(headline.metric()))).append(" <b>").append(value(headline.tuned()))
                .append("</b> ").append(interval(headline.tunedInterval())).append(" vs base <b>")
                .append(value(headline.base())).append("</b> ").append(interval(headline.baseInterval()))
                .append("</p>").append(verdict(headline)).append("<p class=\"headline-sub\">On ")
                .append(Fmt.count(headline.examples())).append(" held-out test examples, with 95% bootstrap"
                        + " confidence intervals in brackets. The base model is the pretrained model as loaded,"
                        + " evaluated without any training.</p></div>");
        Table table = new Table("Metric", "Base", "Tuned", "Tuned \u2212 base", "Tuned better in").numeric(1, 2, 3, 4);
        for (MetricComparison m : metrics) {
            table.row(Html.escape(name(m.metric())) + " <span class=\"muted\">(" + (m.higherIsBetter() ? "higher"
                            : "lower") + " is better; " + Fmt.count(m.examples()) + " examples)</span>",
                    value(m.base()) + " " + interval(m.baseInterval()),
                    value(m.tuned()) + " " + interval(m.tunedInterval()),
                    signed(m.difference()) + " [" + signed(m.differenceInterval().low()) + ", "
                            + signed(m.differenceInterval().high()) + "]",
                    Fmt.percent(m.fractionTunedBetter()) + " <span class=\"muted\">of "
                            + Fmt.count(m.bootstrapSamples()) + " resamples</span>");
        }
        out.append(table).append("<p class=\"muted\">Loss is the mean negative log-likelihood per scored token"
                + " (causal LM: the completion and end tokens; masked LM: the masked tokens of one seeded masking);"
                + " perplexity is its exponential. Exact match and ROUGE-L (longest-common-subsequence F-measure"
                + " on tokens) compare greedy completions with the reference completions.</p>");
        return Optional.of(out.toString());
    }

    private static String verdict(MetricComparison m) {
        boolean up = m.differenceInterval().low() > 0;
        boolean down = m.differenceInterval().high() < 0;
        if (!up && !down) {
            return "<p class=\"verdict neutral\">No clear difference between the models</p>";
        }
        return up == m.higherIsBetter() ? "<p class=\"verdict good\">Clear improvement from fine-tuning</p>"
                : "<p class=\"verdict bad\">Fine-tuning made the model worse</p>";
    }

    private static String name(String metric) {
        return switch (metric) {
            case "loss" -> "Loss";
            case "masked_token_loss" -> "Masked-token loss";
            case "perplexity" -> "Perplexity";
            case "exact_match" -> "Exact match";
            case "rouge_l" -> "ROUGE-L";
            default -> metric;
        };
    }

    /** Three decimals below 100, one with thousands separators above (perplexities can be large). */
    private static String value(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.1f", value) : Fmt.metric3(value);
    }

    private static String signed(double value) {
        String text = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%+,.1f", value)
                : String.format(Locale.ROOT, "%+.3f", value);
        return text.matches("[+-]0\\.0+") ? text.substring(1) : text;
    }

    private static String interval(Interval interval) {
        return "<span class=\"muted\">[" + value(interval.low()) + ", " + value(interval.high()) + "]</span>";
    }
}
