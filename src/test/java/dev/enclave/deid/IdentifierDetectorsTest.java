package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierDetectorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MRN: 00482913|00482913|MRN",
        "Medical record # A-55102 on file|A-55102|MRN",
        "med rec no. 7731024|7731024|MRN",
        "Member ID XJH448812 (Aetna)|XJH448812|HEALTH_PLAN",
        "policy no. 77-1020-33|77-1020-33|HEALTH_PLAN",
        "Medicaid # 99887766A|99887766A|HEALTH_PLAN",
        "acct 99120455|99120455|ACCOUNT",
        "Account number: 4451-0098-22|4451-0098-22|ACCOUNT",
        "DEA AB1234563, NPI 1234567893|AB1234563|LICENSE",
        "Driver's license D1234-5678-9012|D1234-5678-9012|LICENSE",
        "S/N 4410-22-AX on the pump|4410-22-AX|DEVICE",
        "serial number: PM22190X|PM22190X|DEVICE",
        "license plate 7ABC123|7ABC123|VEHICLE",
        "Plate: XYZ 1234|XYZ 1234|VEHICLE",
        "Case No. 2:24-cv-01234-ABC|2:24-cv-01234-ABC|OTHER_ID",
        "docket 24-1187-CV in county court|24-1187-CV|OTHER_ID",
        "Employee ID: E-20931|E-20931|OTHER_ID"
    })
    void cueDrivenIdentifiers(String text, String expected, PhiType type) {
        List<Phi.Found> found = Phi.find(new IdentifierCueDetector(), text);
        assertTrue(found.contains(new Phi.Found(expected, type)), found::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VIN 1HGCM82633A004352 recorded|1HGCM82633A004352|VEHICLE",
        "mac 00:1A:2B:3C:4D:5E|00:1A:2B:3C:4D:5E|DEVICE",
        "see 2:24-cv-01234-ABC|2:24-cv-01234-ABC|OTHER_ID",
        "ref CV-2024-001234 filed|CV-2024-001234|OTHER_ID",
        "barcode A1234567 on wristband|A1234567|OTHER_ID",
        "number 4455667788 on the form|4455667788|OTHER_ID"
    })
    void identifiersByShape(String text, String expected, PhiType type) {
        List<Phi.Found> found = Phi.find(new IdShapeDetector(), text);
        assertTrue(found.contains(new Phi.Found(expected, type)), found::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "per hospital policy the visitor left", "COVID-19 PCR negative, HbA1c 7.2%", "1000MG TYLENOL GIVEN",
        "worked there 2019-2024", "shift 0700-1900 uneventful", "B12 500 mcg, ICD-10 I10", "No. 5 on the list"
    })
    void leavesOrdinaryCodesAlone(String text) {
        assertEquals(List.of(), Phi.texts(text));
    }
}
