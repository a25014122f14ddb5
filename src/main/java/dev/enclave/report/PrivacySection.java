package dev.enclave.report;

import dev.enclave.privacy.CanaryExposure;
import dev.enclave.privacy.GateCheck;
import dev.enclave.privacy.LeakScanResult;
import dev.enclave.privacy.MembershipResult;
import dev.enclave.privacy.PrivacyResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model may leak: the privacy gates, canary exposure of the base and tuned models, the membership attack,
 * and the scan of generated text for identifiers.
 */
final class PrivacySection implements Section {

    @Override
    public String id() {
        return "privacy";
    }

    @Override
    public String title() {
        return "Privacy";
    }

    @Override
    public Optional<String> body(ReportData data) {
        PrivacyResult privacy = data.privacy();
        if (privacy == null) {
            return Optional.empty();
        }
        return Optional.of(gates(privacy) + exposure(privacy) + membership(privacy) + leakScan(privacy));
    }

    private static String gates(PrivacyResult privacy) {
        StringBuilder out = new StringBuilder();
        List<GateCheck> failed = privacy.failedGates();
        if (privacy.gates().isEmpty()) {
            out.append("<p class=\"note\">No privacy test ran, so no gate was checked.</p>");
            return out.toString();
        }
        out.append(failed.isEmpty() ? "<p class=\"verdict good\">Every privacy gate passed</p>"
                : "<p class=\"verdict bad\">" + Html.escape(failed.size() == 1 ? "Privacy gate failed: "
                        + failed.get(0).gate() : failed.size() + " privacy gates failed") + "</p>");
        Table table = new Table("Gate", "Measured", "Figure", "Threshold", "Result").numeric(2, 3);
        for (GateCheck gate : privacy.gates()) {
            table.row("<code>" + Html.escape(gate.gate()) + "</code>", Html.escape(gate.subject()),
                    figure(gate.figure(), gate.unit()), figure(gate.threshold(), gate.unit()),
                    gate.passed() ? "<span class=\"flag good\">passed</span>"
                            : "<span class=\"flag bad\">failed</span>");
        }
        out.append(table);
        if (!failed.isEmpty()) {
            out.append("<p class=\"note\">The run stopped with exit code 3 after writing this report: ")
                    .append(Html.escape(failed.stream().map(GateCheck::describe).reduce((a, b) -> a + "; " + b)
                            .orElse("")))
                    .append(".</p>");
        }
        return out.toString();
    }

    private static String exposure(PrivacyResult privacy) {
        StringBuilder out = new StringBuilder("<h3>Canary exposure</h3>");
        List<CanaryExposure> tuned = privacy.tunedExposure();
        if (tuned.isEmpty()) {
            return out.append("<p class=\"not-run\">No canaries were inserted into this run's training data.</p>")
                    .toString();
        }
        List<CanaryExposure> base = privacy.baseExposure();
        Table table = new Table("Canary", "Shape", "Base (bits)", "Tuned (bits)", "Tuned rank / fit estimate",
                "Largest possible").numeric(2, 3, 4, 5);
        for (int i = 0; i < tuned.size(); i++) {
            CanaryExposure t = tuned.get(i);
            table.row(Html.escape(t.canary()), Html.escape(t.shape()),
                    base.size() > i ? Fmt.metric(base.get(i).exposure()) : "<span class=\"muted\">\u2013</span>",
                    "<b>" + Fmt.metric(t.exposure()) + "</b>",
                    Fmt.metric(t.rankExposure()) + " / " + Fmt.metric(t.fitExposure()),
                    Fmt.metric(t.maxExposure()));
        }
        return out.append("<div class=\"split\"><figure>")
                .append(ExposureChart.render(base, tuned, privacy.thresholds().maxExposure()))
                .append("</figure><p class=\"note\">Each canary is a made-up identifier inserted ")
                .append(Fmt.count(privacy.canaryRepeats()))
                .append(" times into the training data (never into the prepared data). Exposure (Carlini et al.,"
                        + " 2019) is log2 of the number of possible secrets of the canary's shape minus log2 of the"
                        + " secret's rank among them by the model's likelihood: 0 bits when the model prefers it to"
                        + " no other secret, the largest possible when it prefers it to all. The rank is estimated"
                        + " from ")
                .append(Fmt.count(tuned.get(0).candidates()))
                .append(" sampled secrets of the same shape; beyond what they resolve, a normal fit of their"
                        + " scores extrapolates. The gate applies to the tuned model.</p></div>")
                .append(table).toString();
    }

    private static String membership(PrivacyResult privacy) {
        StringBuilder out = new StringBuilder("<h3>Membership inference</h3>");
        MembershipResult base = privacy.baseMembership();
        MembershipResult tuned = privacy.tunedMembership();
        if (base == null && tuned == null) {
            return out.append("<p class=\"not-run\">The membership attack did not run.</p>").toString();
        }
        Table table = new Table("Model", "AUC [95% CI]", "Mean loss, train", "Mean loss, test").numeric(1, 2, 3);
        for (Map.Entry<String, MembershipResult> entry : List.of(Map.entry("Base", base), Map.entry("Tuned", tuned))) {
            MembershipResult result = entry.getValue();
            if (result != null) {
                table.row(entry.getKey(), Fmt.metric3(result.auc()) + " <span class=\"ci\">"
                        + Fmt.interval(result.interval()) + "</span>", Fmt.metric3(result.memberMeanLoss()),
                        Fmt.metric3(result.nonMemberMeanLoss()));
            }
        }
        MembershipResult any = tuned != null ? tuned : base;
        return out.append("<div class=\"split\"><figure>")
                .append(MembershipChart.render(base, tuned, privacy.thresholds().maxMembershipAuc()))
                .append("</figure><p class=\"note\">A loss-based attack guesses that an example was in the training"
                        + " data when the model's loss on it is low. It scores ")
                .append(Fmt.count(any.members())).append(" training and ").append(Fmt.count(any.nonMembers()))
                .append(" held-out test examples; the AUC is the chance that a random training example has the lower"
                        + " loss. Intervals are 95% bootstrap percentile intervals from ")
                .append(Fmt.count(any.bootstrapSamples())).append(" resamples.</p></div>").append(table).toString();
    }

    private static String leakScan(PrivacyResult privacy) {
        StringBuilder out = new StringBuilder("<h3>Identifiers in generated text</h3>");
        LeakScanResult scan = privacy.leakScan();
        if (scan == null) {
            return out.append("<p class=\"note\">").append(Html.escape(privacy.leakScanNote() == null
                    ? "The leak scan did not run." : privacy.leakScanNote())).append("</p>").toString();
        }
        Table table = new Table("PHI type", "Found").numeric(1);
        scan.hitsByType().forEach((type, count) -> table.row(Html.escape(type), Fmt.count(count)));
        table.totalRow("All types", Fmt.count(scan.totalHits()));
        out.append(table).append("<p class=\"note\">The de-identification detectors read ")
                .append(Fmt.count(scan.generations())).append(" generated texts and found identifiers in ")
                .append(Fmt.count(scan.generationsWithPhi())).append(". ");
        if (scan.canaries() > 0) {
            out.append(scan.verbatimCanaries() == 0
                    ? "<span class=\"flag good\">No canary</span> was reproduced verbatim"
                    : "<span class=\"flag bad\">" + Fmt.count(scan.verbatimCanaries()) + " of "
                            + Fmt.count(scan.canaries()) + " canaries</span> reproduced verbatim: "
                            + Html.escape(String.join(", ", scan.reproducedCanaries())));
            out.append('.');
        }
        return out.append("</p>").toString();
    }

    private static String figure(double value, String unit) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e9 ? Fmt.count((long) value)
                : Fmt.metric3(value);
        return number + (unit.isEmpty() ? "" : " <span class=\"muted\">" + Html.escape(unit) + "</span>");
    }
}
