package dev.enclave.report;

import java.util.HashSet;
import java.util.Set;

/** An HTML table. Headers are plain text and escaped here; cells are HTML that the caller has escaped. */
final class Table {

    private final String[] headers;
    private final Set<Integer> numericColumns = new HashSet<>();
    private final StringBuilder rows = new StringBuilder();

    Table(String... headers) {
        this.headers = headers.clone();
    }

    /** Right-aligns the given columns (0-based) with tabular figures. */
    Table numeric(int... columns) {
        for (int column : columns) {
            numericColumns.add(column);
        }
        return this;
    }

    /** Adds a row of escaped HTML cells. */
    Table row(String... cells) {
        return appendRow("", cells);
    }

    /** Adds an emphasised row, e.g. totals. */
    Table totalRow(String... cells) {
        return appendRow(" class=\"total\"", cells);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table><thead><tr>");
        for (int c = 0; c < headers.length; c++) {
            out.append("<th").append(numericColumns.contains(c) ? " class=\"num\"" : "").append('>')
                    .append(Html.escape(headers[c])).append("</th>");
        }
        return out.append("</tr></thead><tbody>").append(rows).append("</tbody></table></div>").toString();
    }

    private Table appendRow(String rowAttributes, String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.length
                    + " columns");
        }
        rows.append("<tr").append(rowAttributes).append('>');
        for (int c = 0; c < cells.length; c++) {
            rows.append("<td").append(numericColumns.contains(c) ? " class=\"num\"" : "").append('>')
                    .append(cells[c]).append("</td>");
        }
        rows.append("</tr>");
        return this;
    }
}
