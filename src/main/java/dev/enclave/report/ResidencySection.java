package dev.enclave.report;

import java.util.List;
import java.util.Optional;

/** Where the run could read, write and connect, and what it did. */
final class ResidencySection implements Section {

    @Override
    public String id() {
        return "residency";
    }

    @Override
    public String title() {
        return "Data residency";
    }

    @Override
    public Optional<String> body(ReportData data) {
        ResidencySummary residency = data.residency();
        if (residency == null) {
            return Optional.empty();
        }
        Facts facts = new Facts()
                .add("Allowed folders", paths(residency.allowedRoots(), "none"))
                .add("Allowed hosts", paths(residency.allowedHosts(), "none: the run was fully offline"))
                .add("Files read", Fmt.count(residency.filesRead()))
                .add("Files written", Fmt.count(residency.filesWritten()))
                .add("Outbound network attempts", residency.egressAttempts() == 0
                        ? "<span class=\"flag good\">0</span>"
                        : "<span class=\"flag bad\">" + Fmt.count(residency.egressAttempts()) + "</span>")
                .add("Audit log entries", Fmt.count(residency.auditEntries()));
        return Optional.of(facts.toString());
    }

    private static String paths(List<String> values, String empty) {
        if (values.isEmpty()) {
            return "<span class=\"muted\">" + Html.escape(empty) + "</span>";
        }
        StringBuilder out = new StringBuilder("<ul class=\"paths\">");
        for (String value : values) {
            out.append("<li><code>").append(Html.escape(value)).append("</code></li>");
        }
        return out.append("</ul>").toString();
    }
}
