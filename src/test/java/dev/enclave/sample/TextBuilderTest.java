package dev.enclave.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enclave.deid.PhiType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextBuilderTest {
    @Test
    void spansCountCodePointsNotUtf16Units() {
        AnnotatedText text = new TextBuilder().text("texted 🙏 to ").phi(new Phi("Zoë Nguyễn", PhiType.NAME)).text(" at ")
                .phi(new Phi("555-0143", PhiType.PHONE)).build();
        assertEquals(List.of(new Span(12, 22, PhiType.NAME), new Span(26, 34, PhiType.PHONE)), text.spans());
        int[] codePoints = text.text().codePoints().toArray();
        assertEquals("Zoë Nguyễn", new String(codePoints, 12, 10));
    }

    @Test
    void appendTransformsEachPieceAndKeepsSpansOnTheirValues() {
        AnnotatedText part = new TextBuilder().text("pt ").phi(new Phi("Straße", PhiType.ADDRESS)).text(" 🙏 ")
                .phi(new Phi("Ruiz", PhiType.NAME)).build();
        AnnotatedText upper = new TextBuilder().text("x: ").append(part, PhiFaker::upper).build();
        assertEquals("x: PT STRASSE 🙏 RUIZ", upper.text());
        assertEquals(List.of(new Span(6, 13, PhiType.ADDRESS), new Span(16, 20, PhiType.NAME)), upper.spans());
    }

    @Test
    void rejectsPhiWithSurroundingWhitespace() {
        assertThrows(IllegalArgumentException.class, () -> new Phi(" Ruiz", PhiType.NAME));
        assertThrows(IllegalArgumentException.class, () -> new Phi("", PhiType.NAME));
    }
}
