package dev.enclave.sample;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A part of a document layout: one of its template variants is written always when {@code probability >= 1},
 * otherwise with that chance while the document is still shorter than its length budget.
 */
record Section(double probability, List<String> variants) {
    Section {
        variants = List.copyOf(variants);
    }

    static Section always(String... variants) {
        return new Section(1, List.of(variants));
    }

    static Section maybe(double probability, String... variants) {
        return new Section(probability, List.of(variants));
    }

    /**
     * Writes a layout: sections separated by one or two newlines (one choice per document), a few middle sections
     * in upper case, as old record systems print them. Optional sections are written whatever their chance while
     * the document is shorter than {@code minimum} code points.
     */
    static AnnotatedText render(List<Section> layout, int minimum, int budget, double upperCaseChance, Draw draw,
            Template.Slots slots) {
        String separator = draw.chance(0.6) ? "\n\n" : "\n";
        TextBuilder out = new TextBuilder();
        for (int i = 0; i < layout.size(); i++) {
            Section section = layout.get(i);
            boolean write = section.probability() >= 1 || out.length() < minimum
                    || (out.length() < budget && draw.chance(section.probability()));
            if (!write) {
                continue;
            }
            TextBuilder part = new TextBuilder();
            Template.expand(draw.one(section.variants()), draw, slots, part);
            if (out.length() > 0) {
                out.text(separator);
            }
            boolean middle = i > 0 && i < layout.size() - 1;
            UnaryOperator<String> style = middle && draw.chance(upperCaseChance) ? PhiFaker::upper : UnaryOperator.identity();
            out.append(part.build(), style);
        }
        return out.build();
    }
}
