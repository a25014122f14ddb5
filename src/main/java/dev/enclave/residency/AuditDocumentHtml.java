package dev.enclave.residency;

import dev.enclave.report.Html;
import dev.enclave.residency.AuditDocument.Block;
import dev.enclave.residency.AuditDocument.Fact;
import dev.enclave.residency.AuditDocument.Facts;
import dev.enclave.residency.AuditDocument.Paragraph;
import dev.enclave.residency.AuditDocument.Section;
import dev.enclave.residency.AuditDocument.Table;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link AuditDocument} as one self-contained HTML file: inline CSS, no scripts, no external resources (a
 * Content-Security-Policy forbids loading any), every value escaped.
 */
final class AuditDocumentHtml {
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;color:#1d2433;background:#f5f6f8;margin:0}
            main{max-width:1100px;margin:0 auto;padding:1.5rem}
            h1{font-size:1.6rem;margin:.5rem 0 1rem}
            section{background:#fff;border:1px solid #d8dce3;border-radius:8px;padding:1rem 1.25rem;margin:0 0 1rem}
            h2{font-size:1.2rem;margin:0 0 .75rem}
            nav a{margin-right:1rem}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
            dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
            table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
            caption{text-align:left;font-weight:600;padding:.25rem 0}
            th,td{border-bottom:1px solid #e3e6eb;padding:.3rem .5rem;text-align:left;vertical-align:top;\
            overflow-wrap:anywhere}
            th{background:#eef0f4}
            .good{color:#0b6b2f;font-weight:600}.bad{color:#a11a1a;font-weight:600}
            """;

    private AuditDocumentHtml() {}

    static String render(AuditDocument document) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src")
                .append(" 'unsafe-inline'\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(document.title())).append("</title><style>").append(STYLE)
                .append("</style></head><body><main><h1>").append(Html.escape(document.title())).append("</h1><nav>");
        for (Section section : document.sections()) {
            out.append("<a href=\"#").append(Html.escape(section.id())).append("\">")
                    .append(Html.escape(section.title())).append("</a>");
        }
        out.append("</nav>\n");
        for (Section section : document.sections()) {
            out.append("<section id=\"").append(Html.escape(section.id())).append("\"><h2>")
                    .append(Html.escape(section.title())).append("</h2>");
            for (Block block : section.blocks()) {
                block(out, block);
            }
            out.append("</section>\n");
        }
        return out.append("</main></body></html>\n").toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Paragraph p) {
            out.append("<p class=\"").append(p.tone().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(Html.escape(p.text())).append("</p>");
        } else if (block instanceof Facts f) {
            out.append("<dl>");
            for (Fact fact : f.facts()) {
                out.append("<dt>").append(Html.escape(fact.name())).append("</dt><dd>")
                        .append(Html.escape(fact.value())).append("</dd>");
            }
            out.append("</dl>");
        } else {
            table(out, (Table) block);
        }
    }

    private static void table(StringBuilder out, Table table) {
        out.append("<table>");
        if (table.caption() != null) {
            out.append("<caption>").append(Html.escape(table.caption())).append("</caption>");
        }
        out.append("<thead><tr>");
        table.header().forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }
}
