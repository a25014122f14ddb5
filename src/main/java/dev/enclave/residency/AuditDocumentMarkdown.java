package dev.enclave.residency;

import dev.enclave.residency.AuditDocument.Block;
import dev.enclave.residency.AuditDocument.Fact;
import dev.enclave.residency.AuditDocument.Facts;
import dev.enclave.residency.AuditDocument.Paragraph;
import dev.enclave.residency.AuditDocument.Section;
import dev.enclave.residency.AuditDocument.Table;
import java.util.List;

/** Renders an {@link AuditDocument} as GitHub-flavoured Markdown, escaping what Markdown would interpret. */
final class AuditDocumentMarkdown {
    private AuditDocumentMarkdown() {}

    static String render(AuditDocument document) {
        StringBuilder out = new StringBuilder(8_192);
        out.append("# ").append(escape(document.title())).append("\n");
        for (Section section : document.sections()) {
            out.append("\n## ").append(escape(section.title())).append("\n");
            for (Block block : section.blocks()) {
                out.append('\n');
                block(out, block);
            }
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Paragraph p) {
            String text = escape(p.text());
            if (!text.isEmpty() && "#+->".indexOf(text.charAt(0)) >= 0) {
                text = "\\" + text;
            }
            out.append(p.tone() == AuditDocument.Tone.PLAIN ? text : "**" + text + "**").append('\n');
        } else if (block instanceof Facts f) {
            for (Fact fact : f.facts()) {
                out.append("- **").append(escape(fact.name())).append(":** ").append(escape(fact.value()))
                        .append('\n');
            }
        } else {
            table(out, (Table) block);
        }
    }

    private static void table(StringBuilder out, Table table) {
        if (table.caption() != null) {
            out.append("*").append(escape(table.caption())).append("*\n\n");
        }
        row(out, table.header());
        out.append('|');
        table.header().forEach(h -> out.append(" --- |"));
        out.append('\n');
        for (List<String> row : table.rows()) {
            row(out, row);
        }
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }

    /** Backslash-escapes the characters Markdown or HTML would interpret inside a line; line breaks become spaces. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else if ("\\`*_[]<>|~".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
