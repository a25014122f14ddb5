package dev.enclave.report;

import dev.enclave.deid.PhiType;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Spans of protected health information replaced, by PHI type, with the Safe Harbor identifier each falls under; then
 * the quality gate's figures on the steward's gold sample and the residual scan of the training examples, when they
 * ran.
 */
final class DeidentificationSection implements Section {

    @Override
    public String id() {
        return "deid";
    }

    @Override
    public String title() {
        return "De-identification";
    }

    @Override
    public Optional<String> body(ReportData data) {
        Map<String, Long> counts = data.deidentifiedByType();
        if (counts == null) {
            return Optional.empty();
        }
        DeidQuality quality = data.deidQuality();
        String checks = quality == null ? "" : gate(quality.gate()) + residual(quality.residual());
        return Optional.of(replaced(counts) + checks);
    }

    private static String replaced(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "<p>De-identification ran and found no protected health information to replace.</p>";
        }
        long largest = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        Table table = new Table("PHI type", "Safe Harbor identifier", "Spans replaced", "Share").numeric(2);
        counts.entrySet().stream().sorted(Reasons.LARGEST_FIRST).forEach(entry -> table.row(
                Html.escape(entry.getKey()), safeHarbor(entry.getKey()), Fmt.count(entry.getValue()),
                "<span class=\"meter\"><span style=\"width:" + Fmt.coord(100.0 * entry.getValue() / largest)
                        + "%\"></span></span> " + Fmt.percent((double) entry.getValue() / total)));
        table.totalRow("All types", "", Fmt.count(total), "");
        return table + "<p class=\"note\">Spans of each type that were detected and replaced before the"
                + " text reached training. The letters refer to the identifiers of the HIPAA Safe Harbor"
                + " method, 45 CFR 164.514(b)(2)(i).</p>";
    }

    private static String gate(DeidQuality.Gate gate) {
        if (gate == null) {
            return "";
        }
        Table table = new Table("Category", "Precision", "Recall", "F1", "Gold spans", "Minimum recall", "")
                .numeric(1, 2, 3, 4, 5);
        for (DeidQuality.GateRow row : gate.rows()) {
            String[] cells = {Html.escape(row.category()), figure(row.precision()), figure(row.recall()),
                figure(row.f1()), Fmt.count(row.gold()), figure(row.minRecall()), row.passed() ? "" : "below"};
            if (row.category().equals("ALL")) {
                table.totalRow(cells);
            } else {
                table.row(cells);
            }
        }
        return "<h3>Quality gate</h3><p>The detectors were scored on " + Html.escape(gate.gold()) + " ("
                + Fmt.count(gate.documents()) + " documents a data steward annotated, " + Html.escape(gate.matching())
                + " matching) before any data was read: " + (gate.passed() ? "every minimum was met."
                : "a minimum was not met.") + "</p>" + table;
    }

    private static String residual(DeidQuality.Residual residual) {
        if (residual == null) {
            return "";
        }
        java.util.Set<String> types = new java.util.TreeSet<>();
        residual.bySplit().values().forEach(counts -> types.addAll(counts.keySet()));
        String limit = residual.maxPerMillionTokens() == null ? "no maximum set"
                : "maximum " + String.format(java.util.Locale.ROOT, "%.1f", residual.maxPerMillionTokens());
        String summary = "<h3>Residual scan</h3><p>The training examples of every split were decoded from their token"
                + " ids and scanned again; Enclave's own masks and surrogates are not counted. "
                + Fmt.count(residual.hits()) + " hits in " + Fmt.count(residual.tokens()) + " tokens: "
                + String.format(java.util.Locale.ROOT, "%.1f", residual.perMillionTokens()) + " per million tokens ("
                + limit + ").</p>";
        if (types.isEmpty()) {
            return summary;
        }
        java.util.List<String> splits = java.util.List.copyOf(residual.bySplit().keySet());
        String[] headers = new String[splits.size() + 2];
        headers[0] = "PHI type";
        for (int i = 0; i < splits.size(); i++) {
            headers[i + 1] = splits.get(i);
        }
        headers[headers.length - 1] = "All splits";
        Table table = new Table(headers).numeric(java.util.stream.IntStream.range(1, headers.length).toArray());
        for (String type : types) {
            String[] cells = new String[headers.length];
            cells[0] = Html.escape(type);
            long all = 0;
            for (int i = 0; i < splits.size(); i++) {
                long n = residual.bySplit().get(splits.get(i)).getOrDefault(type, 0L);
                cells[i + 1] = Fmt.count(n);
                all += n;
            }
            cells[headers.length - 1] = Fmt.count(all);
            table.row(cells);
        }
        return summary + table;
    }

    private static String figure(Double value) {
        return value == null ? "<span class=\"muted\">n/a</span>" : Fmt.metric3(value);
    }

    private static String safeHarbor(String type) {
        return Arrays.stream(PhiType.values()).filter(phi -> phi.name().equals(type)).findFirst()
                .map(phi -> "(" + phi.safeHarborLetter() + ")").orElse("<span class=\"muted\">other</span>");
    }
}
