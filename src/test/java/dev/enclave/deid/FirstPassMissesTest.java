package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kinds of first-pass misses the residual scan found, written in general styles: a date line followed by a
 * salutation, an identifier glued to a letter, a clinician followed by a saint's or mountain's name.
 */
class FirstPassMissesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Letter sent Jan 02 2024\\nDear Dr. Patel,|Jan 02 2024",
        "Feb 3 2023\\nTo whom it may concern:|Feb 3 2023",
        "Date: March 14, 2024\\nDear Dr. Alvarez and team,|March 14, 2024",
        "12 Dec 2022\\nDr. Jones reviewed the films.|12 Dec 2022",
        "Seen Sep 9 2021 Dear Dr. Ortiz, thank you for the referral.|Sep 9 2021",
        "Signed Oct 30, 2019 St. Vincent's discharge summary follows.|Oct 30, 2019"
    })
    void aDateBeforeASalutationIsADateNotAnAddress(String raw, String date) {
        String text = raw.replace("\\n", "\n");
        List<Phi.Found> found = Phi.find(text);
        assertTrue(found.contains(new Phi.Found(date, PhiType.DATE)), found::toString);
        assertTrue(found.stream().noneMatch(f -> f.type() == PhiType.ADDRESS), found::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Lives at 2024 Oak\\nDr. Smith saw her today.",
        "Returned home 1998\\nSt. Paul's follow-up arranged."
    })
    void anAddressNeverCrossesALineBreak(String raw) {
        String text = raw.replace("\\n", "\n");
        List<Phi.Found> found = Phi.find(text);
        assertTrue(found.stream().noneMatch(f -> f.type() == PhiType.ADDRESS && f.text().contains("\n")),
                found::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1200 Dearborn Dr. is her address.|1200 Dearborn Dr.",
        "Home: 45 Saint Dr, Apt 2|45 Saint Dr, Apt 2",
        "She lives at 310 Mount Vernon St. with her son.|310 Mount Vernon St."
    })
    void realStreetsStillFound(String text, String street) {
        assertTrue(Phi.find(text).contains(new Phi.Found(street, PhiType.ADDRESS)), () -> Phi.find(text).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CT chest without contrast\\nWATANABE, KAI   E0759955   13-Dec-2023 1035|E0759955",
        "RE: Kai Watanabe, DOB 05/15/1955, MRN E0759955|E0759955",
        "Patient: LEE, ANNA   A12345678   admitted|A12345678",
        "Pt: Rosa Diaz  K7781230  seen in clinic|K7781230",
        "Name: Paul Chen B0012345|B0012345"
    })
    void anIdentifierGluedToALetterIsTakenWhole(String raw, String id) {
        String text = raw.replace("\\n", "\n");
        List<Phi.Found> found = Phi.find(text);
        assertTrue(found.stream().anyMatch(f -> f.text().equals(id) && f.type() != PhiType.NAME), found::toString);
        String redacted = Deidentifier.builder().build().redact(text).text();
        assertTrue(!redacted.contains(id.substring(1)), redacted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "To: Dr Miller, St. Luke's|Miller|St. Luke's",
        "cc: Dr. Okafor, St. Mary's Hospital|Okafor|St. Mary's Hospital",
        "To: Dr Miller, St. Mary's|Miller|St. Mary's",
        "Referred by Dr. Chen at Mount Sinai.|Chen|Mount Sinai",
        "cc: Dr. Okafor, Mount Sinai|Okafor|Mount Sinai",
        "Discussed with Dr. Ruiz from Mt. Sinai West today.|Ruiz|Mt. Sinai West",
        "TO: DR MILLER, ST. LUKE'S|MILLER|ST. LUKE'S"
    })
    void aClinicianFollowedByAFacility(String text, String name, String facility) {
        List<Phi.Found> found = Phi.find(text);
        assertTrue(found.contains(new Phi.Found(name, PhiType.NAME)), found::toString);
        assertTrue(found.contains(new Phi.Found(facility, PhiType.FACILITY)), found::toString);
        assertEquals(2, found.size(), found::toString);
    }
}
