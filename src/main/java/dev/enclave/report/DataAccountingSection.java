package dev.enclave.report;

import java.util.List;
import java.util.Optional;

/**
 * Rows into and out of every preparation stage, with the reasons rows were set aside, and a check that every row
 * is accounted for.
 */
final class DataAccountingSection implements Section {

    @Override
    public String id() {
        return "data";
    }

    @Override
    public String title() {
        return "Data accounting";
    }

    @Override
    public Optional<String> body(ReportData data) {
        List<StageCount> stages = data.stages();
        if (stages.isEmpty()) {
            return Optional.empty();
        }
        Table table = new Table("Stage", "Rows in", "Rows out", "Quarantined", "Filtered", "Reasons", "Check")
                .numeric(1, 2, 3, 4);
        long quarantined = 0;
        long filtered = 0;
        for (int s = 0; s < stages.size(); s++) {
            StageCount stage = stages.get(s);
            quarantined += stage.quarantined();
            filtered += stage.filtered();
            String reasons = Reasons.items(stage.quarantinedByReason(), "quarantined", "q")
                    + Reasons.items(stage.filteredByReason(), "filtered", "f");
            table.row(Html.escape(stage.stage()), Fmt.count(stage.rowsIn()), Fmt.count(stage.rowsOut()),
                    Fmt.count(stage.quarantined()), Fmt.count(stage.filtered()),
                    reasons.isEmpty() ? "<span class=\"muted\">none</span>" : "<ul class=\"reasons\">" + reasons
                            + "</ul>",
                    check(stage, s == 0 ? null : stages.get(s - 1)));
        }
        table.totalRow("All stages", Fmt.count(stages.get(0).rowsIn()),
                Fmt.count(stages.get(stages.size() - 1).rowsOut()), Fmt.count(quarantined), Fmt.count(filtered),
                "", "");
        return Optional.of(table + "<p class=\"note\">Quarantined rows were invalid (for example unreadable or"
                + " missing a required field) and are kept aside for the data steward; filtered rows were removed by"
                + " design (for example duplicates). A stage balances when rows in = rows out + quarantined +"
                + " filtered.</p>");
    }

    private static String check(StageCount stage, StageCount previous) {
        StringBuilder problems = new StringBuilder();
        if (stage.unaccounted() != 0) {
            problems.append("<span class=\"flag bad\">").append(Fmt.count(Math.abs(stage.unaccounted())))
                    .append(stage.unaccounted() > 0 ? " rows unaccounted" : " rows too many").append("</span>");
        }
        if (previous != null && previous.rowsOut() != stage.rowsIn()) {
            problems.append("<span class=\"flag bad\">received ").append(Fmt.count(stage.rowsIn()))
                    .append(", previous stage passed on ").append(Fmt.count(previous.rowsOut())).append("</span>");
        }
        return problems.length() == 0 ? "<span class=\"flag good\">balanced</span>" : problems.toString();
    }
}
