package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules that must hold on text written in styles no generator produced: accents, roles, intersections, codes. */
class GeneralisationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PATIENT: PEÑA, ROSARIO   MRN: 5279294|PEÑA, ROSARIO",
        "S: José Yılmaz states the cough is better.|José Yılmaz",
        "Signed: Élodie Fontaine-Brûlé, MD|Élodie Fontaine-Brûlé",
        "Received report from Destiny (RN) at 1035.|Destiny",
        "Witnesses: Weber, Élodie ((215) 555-6491)|Weber, Élodie",
        "Mr Hoang reported overtime to HR manager Hui by e-mail.|Hui",
        "Police report lists S. Kealoha as at fault.|S. Kealoha",
        "They have two children: Haruka (DOB 3/12/2008) and Ebony (DOB 2005-11-28).|Haruka",
        "Deponent: Farida Q. Kamara|Farida Q. Kamara",
        "Keanu is a 84 year old man here for HFpEF.|Keanu",
        "Dear attorney Bouchard:|Bouchard",
        "United States v. Ellis, No. 21-CM-2990|Ellis",
        "MINHO COLLINS, Petitioner, v. EVELYN COLLINS, Respondent.|MINHO COLLINS"
    })
    void namesInOtherStyles(String text, String expected) {
        assertTrue(Phi.texts(text).contains(expected), () -> Phi.texts(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "EXAM: MR angiography of the circle of Willis.",
        "Osteoporosis with T-score -3.5; chest X-ray clear; serum M-spike 1.2 g/dL.",
        "\"I've been through worse,\" she said. I DON'T LIKE THESE PILLS.",
        "Findings compatible with HFpEF and Clostridioides difficile colitis.",
        "FNA Bethesda V nodule. On 3 L. Interstitial markings unchanged.",
        "Mark I/O. Grace period for the payment. Best-interest factors favor the mother.",
        "REVIEW OF SYSTEMS: negative. LABS AND IMAGING reviewed. CONTINUE HOME MEDICATIONS.",
        "The other vehicle, a 2021 Ford F-150, was insured by Allstate.",
        "SUPERIOR COURT OF NEW YORK, COUNTY OF KINGS",
        "Pain 10/10 at rest; BiPAP 12/5 overnight; platelets 62 K."
    })
    void clinicalAndLegalVocabularyIsNotPhi(String text) {
        List<Phi.Found> found = Phi.find(text);
        assertTrue(found.stream().noneMatch(f -> f.type() == PhiType.NAME || f.type() == PhiType.FACILITY
                || f.type() == PhiType.DEVICE || f.type() == PhiType.VEHICLE || f.type() == PhiType.DATE
                || (f.type() == PhiType.LOCATION && f.text().equalsIgnoreCase("new york"))), found::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stopped at the light at Oak Blvd and Halsted St when|Oak Blvd and Halsted St|ADDRESS",
        "Lives off W Division Lane; his mother drives him.|W Division Lane|ADDRESS",
        "Address: 461/2 S Lakeshore Ln, Apt. 581, Fort Wayne|461/2 S Lakeshore Ln, Apt. 581|ADDRESS",
        "worked at Crescent Dental Group from 2018|Crescent Dental Group|FACILITY",
        "Cobalt Roofing & Siding billed 82 hours|Cobalt Roofing & Siding|FACILITY",
        "both at Walnut Academy this year|Walnut Academy|FACILITY",
        "discharge to Sunset Gardens Care Home.|Sunset Gardens Care Home|FACILITY",
        "Identity confirmed by retinal scan ID RET-8R4DDG.|RET-8R4DDG|BIOMETRIC",
        "face template hash ceb7da28f104478f on file|ceb7da28f104478f|BIOMETRIC",
        "IV pump ID KP4A-EPAL-ZKPJ verified|KP4A-EPAL-ZKPJ|DEVICE",
        "Uses an insulin pump (SN 5GZN-DAD5-PZZ9) with CGM|5GZN-DAD5-PZZ9|DEVICE",
        "the card ending in 9698 was charged twice|9698|ACCOUNT",
        "DL: WDLKLLUA8MJ6   Home: 37 Commerce Lane|WDLKLLUA8MJ6|LICENSE",
        "contractor license LCSW 244482 was suspended|LCSW 244482|LICENSE",
        "MRN 544-67-91, acct 339621979|544-67-91|MRN",
        "A-Number 905 157 446; passport D45931945|905 157 446|OTHER_ID",
        "Ofc. Omar Zhang (badge 626) booked him|626|OTHER_ID",
        "Her mother, Ms. Otieno, 104 yrs, lives with the family|104|AGE",
        "Hemiarthroplasty was performed on the 2nd without complication.|2nd|DATE",
        "Denies nausea; last BM 03/08.|03/08|DATE",
        "the right-to-sue letter issued 9/12.|9/12|DATE",
        "appointment at the port of entry near Nogales on 4/30/19|Nogales|LOCATION",
        "SUPERIOR COURT OF HAWAII, COUNTY OF HAWAII|HAWAII|LOCATION"
    })
    void otherPhiInOtherStyles(String text, String expected, PhiType type) {
        List<Phi.Found> found = Phi.find(text);
        assertTrue(found.contains(new Phi.Found(expected, type)), found::toString);
    }

    @Test
    void lexiconFoldsDiacritics() {
        Lexicon lex = Lexicon.standard();
        assertTrue(lex.isSurname("peña") && lex.isSurname("yılmaz") && lex.isSurname("garcía"));
        assertEquals("lodz", Lexicon.fold("łódź"));
        assertTrue(lex.isPlace("St. Louis") && lex.isPlace("saint louis") && lex.isPlace("SAN  DIEGO"));
        assertFalse(lex.isPlace("Chest Pain"));
    }
}
