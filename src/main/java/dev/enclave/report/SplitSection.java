package dev.enclave.report;

import java.util.Optional;

/** Sizes of the train, validation and test splits in rows and groups. */
final class SplitSection implements Section {

    @Override
    public String id() {
        return "splits";
    }

    @Override
    public String title() {
        return "Splits";
    }

    @Override
    public Optional<String> body(ReportData data) {
        SplitSizes splits = data.splits();
        if (splits == null) {
            return Optional.empty();
        }
        long rows = splits.trainRows() + splits.validationRows() + splits.testRows();
        long groups = splits.trainGroups() + splits.validationGroups() + splits.testGroups();
        Table table = new Table("Split", "Rows", "Share of rows", "Groups", "Share of groups").numeric(1, 2, 3, 4);
        row(table, "Train", splits.trainRows(), rows, splits.trainGroups(), groups);
        row(table, "Validation", splits.validationRows(), rows, splits.validationGroups(), groups);
        row(table, "Test", splits.testRows(), rows, splits.testGroups(), groups);
        table.totalRow("All", Fmt.count(rows), "", Fmt.count(groups), "");
        return Optional.of(table + "<p class=\"note\">Splits are made by group (for example a patient or a"
                + " case): all rows of a group go to the same split.</p>");
    }

    private static void row(Table table, String split, long rows, long allRows, long groups, long allGroups) {
        table.row(split, Fmt.count(rows), allRows == 0 ? "" : Fmt.percent((double) rows / allRows),
                Fmt.count(groups), allGroups == 0 ? "" : Fmt.percent((double) groups / allGroups));
    }
}
