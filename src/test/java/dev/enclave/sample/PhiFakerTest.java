package dev.enclave.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.deid.PhiType;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhiFakerTest {
    private final PhiFaker faker = new PhiFaker(Draw.seeded(3));

    @Test
    void vehicleNumbersHaveValidCheckDigits() {
        String weights = "8765432X098765432";
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        int[] values = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int n = 0; n < 200; n++) {
            String vin = faker.vin().text();
            assertEquals(17, vin.length());
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                char c = vin.charAt(i);
                int value = Character.isDigit(c) ? c - '0' : values[letters.indexOf(c)];
                int weight = weights.charAt(i) == 'X' ? 10 : weights.charAt(i) - '0';
                sum += value * weight;
            }
            char check = sum % 11 == 10 ? 'X' : (char) ('0' + sum % 11);
            assertEquals(check, vin.charAt(8), vin);
        }
    }

    @Test
    void cardNumbersAndImeisPassLuhn() {
        for (int n = 0; n < 200; n++) {
            assertTrue(luhn(faker.cardNumber().text().replaceAll("[ -]", "")));
            assertTrue(luhn(faker.imei().text().replace("-", "")));
        }
    }

    @Test
    void deaNumbersMatchRegistrantAndChecksum() {
        Person registrant = new Person("Priya", "", "Ötzi", Sex.FEMALE, LocalDate.of(1980, 1, 1));
        for (int n = 0; n < 100; n++) {
            String dea = faker.dea(registrant).text();
            assertEquals('O', dea.charAt(1));
            int[] d = dea.substring(2).chars().map(c -> c - '0').toArray();
            assertEquals((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10, d[6], dea);
        }
    }

    @Test
    void datesComeInManySurfaceForms() {
        Set<String> shapes = new HashSet<>();
        for (int n = 0; n < 400; n++) {
            Phi date = faker.date(LocalDate.of(2024, 3, 14));
            assertEquals(PhiType.DATE, date.type());
            shapes.add(date.text().replaceAll("\\d", "9").replaceAll("[A-Za-z]+", "a"));
        }
        assertTrue(shapes.size() >= 12, "date shapes: " + shapes);
    }

    @Test
    void socialSecurityNumbersAvoidInvalidAreas() {
        for (int n = 0; n < 500; n++) {
            String digits = faker.ssn().text().replaceAll("\\D", "");
            int area = Integer.parseInt(digits.substring(0, 3));
            assertTrue(area > 0 && area != 666 && area < 900, digits);
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
