package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeDetectorTest {

    private final AgeDetector detector = new AgeDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "92 y/o male with CHF|92",
        "A 95-year-old woman presents|95",
        "aged 94, lives alone|94",
        "Age: 91|91",
        "PT IS A 93 YO F|93",
        "this 101 yo gentleman|101",
        "her sister is ninety-two years old|ninety-two",
        "a woman in her 90s|90s",
        "97yo F from home|97"
    })
    void findsAgesOverEightyNine(String text, String expected) {
        assertEquals(List.of(expected), Phi.texts(detector, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"89 y/o male", "45 yo F", "Age: 67", "Given 90 mg IV", "T 99 F, HR 92", "a 60-year-old",
        "the firm has existed for 95 years, then merged"})
    void ignoresOtherNumbers(String text) {
        assertEquals(List.of(), Phi.texts(detector, text));
    }
}
