package dev.enclave.report;

import dev.enclave.deid.PhiType;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Spans of protected health information replaced, by PHI type, with the Safe Harbor identifier each falls under. */
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
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Optional.of("<p>De-identification ran and found no protected health information to replace.</p>");
        }
        long largest = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        Table table = new Table("PHI type", "Safe Harbor identifier", "Spans replaced", "Share").numeric(2);
        counts.entrySet().stream().sorted(Reasons.LARGEST_FIRST).forEach(entry -> table.row(
                Html.escape(entry.getKey()), safeHarbor(entry.getKey()), Fmt.count(entry.getValue()),
                "<span class=\"meter\"><span style=\"width:" + Fmt.coord(100.0 * entry.getValue() / largest)
                        + "%\"></span></span> " + Fmt.percent((double) entry.getValue() / total)));
        table.totalRow("All types", "", Fmt.count(total), "");
        return Optional.of(table + "<p class=\"note\">Spans of each type that were detected and replaced before the"
                + " text reached training. The letters refer to the identifiers of the HIPAA Safe Harbor"
                + " method, 45 CFR 164.514(b)(2)(i).</p>");
    }

    private static String safeHarbor(String type) {
        return Arrays.stream(PhiType.values()).filter(phi -> phi.name().equals(type)).findFirst()
                .map(phi -> "(" + phi.safeHarborLetter() + ")").orElse("<span class=\"muted\">other</span>");
    }
}
