package dev.enclave.residency;

import java.util.ArrayList;
import java.util.List;

/**
 * A steward's report as plain structure (sections of paragraphs, facts and tables, all plain text), so that the HTML
 * and Markdown versions say exactly the same thing. Built by {@link AuditReport}.
 *
 * @param title the document title
 * @param sections in order
 */
public record AuditDocument(String title, List<Section> sections) {

    public AuditDocument {
        sections = List.copyOf(sections);
    }

    /**
     * One section.
     *
     * @param id anchor, lower case letters, digits and dashes
     * @param title heading
     * @param blocks content in order
     */
    public record Section(String id, String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A piece of a section. */
    public sealed interface Block permits Paragraph, Facts, Table {}

    /** How a paragraph should stand out. */
    public enum Tone { PLAIN, GOOD, BAD }

    /** A sentence or two. */
    public record Paragraph(String text, Tone tone) implements Block {}

    /** Named values. */
    public record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    /** One named value. */
    public record Fact(String name, String value) {}

    /** A table; {@code caption} may be null. Every row has as many cells as the header. */
    public record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row of " + row.size() + " cells under " + header.size()
                            + " headings: " + header);
                }
            }
        }
    }

    /** Collects the blocks of one section. */
    static final class SectionBuilder {
        private final String id;
        private final String title;
        private final List<Block> blocks = new ArrayList<>();
        private final List<Fact> pendingFacts = new ArrayList<>();

        SectionBuilder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        SectionBuilder paragraph(String text, Tone tone) {
            flushFacts();
            blocks.add(new Paragraph(text, tone));
            return this;
        }

        SectionBuilder paragraph(String text) {
            return paragraph(text, Tone.PLAIN);
        }

        SectionBuilder fact(String name, Object value) {
            pendingFacts.add(new Fact(name, String.valueOf(value)));
            return this;
        }

        SectionBuilder table(String caption, List<String> header, List<List<String>> rows) {
            flushFacts();
            blocks.add(new Table(caption, header, rows));
            return this;
        }

        Section build() {
            flushFacts();
            return new Section(id, title, blocks);
        }

        private void flushFacts() {
            if (!pendingFacts.isEmpty()) {
                blocks.add(new Facts(pendingFacts));
                pendingFacts.clear();
            }
        }
    }
}
