package dev.enclave.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.deid.PhiType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final Template.Slots SLOTS = (key, out) -> {
        switch (key) {
            case "name" -> out.phi(new Phi("Maria Ruiz", PhiType.NAME));
            case "cc" -> out.text("chest pain");
            default -> throw new IllegalArgumentException(key);
        }
    };

    @Test
    void expandsSlotsAlternativesAndNumbers() {
        Draw draw = Draw.seeded(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            TextBuilder out = new TextBuilder();
            Template.expand("[Seen|Met] {name}, T {#97.0-99.9} F, pain {#1-3}/10", draw, SLOTS, out);
            AnnotatedText text = out.build();
            assertTrue(text.text().matches("(Seen|Met) Maria Ruiz, T (9[7-9])\\.\\d F, pain [1-3]/10"), text.text());
            int start = text.text().indexOf("Maria");
            assertEquals(List.of(new Span(start, start + 10, PhiType.NAME)), text.spans());
            seen.add(text.text().substring(0, 4));
        }
        assertEquals(Set.of("Seen", "Met "), seen);
    }

    @Test
    void capitalisesTheFirstLetterOfASlot() {
        TextBuilder out = new TextBuilder();
        Template.expand("{Cc}.", Draw.seeded(1), (key, sink) -> {
            if (Character.isUpperCase(key.charAt(0))) {
                Template.capitalised(key, SLOTS, sink);
            } else {
                SLOTS.write(key, sink);
            }
        }, out);
        assertEquals("Chest pain.", out.build().text());
    }

    @Test
    void rejectsMalformedTemplates() {
        assertThrows(IllegalArgumentException.class, () -> Template.expand("{name", Draw.seeded(1), SLOTS, new TextBuilder()));
        assertThrows(IllegalArgumentException.class, () -> Template.expand("[a|[b]]", Draw.seeded(1), SLOTS, new TextBuilder()));
        assertThrows(IllegalArgumentException.class, () -> Template.expand("{#5}", Draw.seeded(1), SLOTS, new TextBuilder()));
    }
}
