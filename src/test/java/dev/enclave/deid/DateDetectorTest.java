package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateDetectorTest {

    private final DateDetector detector = new DateDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Seen 3/14/2024 for follow-up.|3/14/2024",
        "DOB 03-14-24, male.|03-14-24",
        "Admitted 14-Mar-24 via ED.|14-Mar-24",
        "Surgery on 14 March 2024 was uneventful.|14 March 2024",
        "Next visit March 14th, 2024.|March 14th, 2024",
        "Returned Mar 14 complaining of pain.|Mar 14",
        "Record date: 2024-03-14|2024-03-14",
        "Collected 3/14/2024 14:05 by phlebotomy.|3/14/2024 14:05",
        "Stamp 2024-03-14T02:15:00Z in the log.|2024-03-14T02:15:00Z",
        "Letter dated Thursday, March 14, 2024.|Thursday, March 14, 2024",
        "On the 14th of March she fell.|14th of March",
        "Symptoms began in March 2024.|March 2024",
        "Last colonoscopy 05/2019, normal.|05/2019",
        "Filed 14.03.2024 in Berlin.|14.03.2024",
        "Seen on 3/14 in clinic.|3/14",
        "Cast removed on the 14th.|14th",
        "She plans to travel in May.|May",
        "Follow up Jan. 5, '24 with labs.|Jan. 5, '24",
        "EXAM DATE: 4/2/2023 AT 10:30 AM|4/2/2023 AT 10:30 AM",
        "signed 12/31/99 by the clerk|12/31/99"
    })
    void findsCommonDateForms(String text, String expected) {
        assertTrue(Phi.texts(detector, text).contains(expected), () -> Phi.texts(detector, text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Diagnosed in 2019 and treated until 2021.",
        "BP 120/80, HR 72, RR 16.",
        "Took 2/3 of the dose and 1/2 tab at night.",
        "Motor strength 4/5 in the left lower extremity.",
        "Grade 2/6 systolic murmur at the apex.",
        "Pain went from 3/10 to 7/10 overnight.",
        "Na 138, K 4.1, Cr 1.02, Hgb 11.3, WBC 10.5.",
        "Metoprolol 25 mg twice daily, lisinopril 10 mg daily.",
        "He may return if symptoms worsen. March to the lab.",
        "Version 1.2.3 of the software; ratio 3:2.",
        "Patient is G2P1, 36 weeks, 1 in 4 risk."
    })
    void ignoresNumbersThatAreNotDates(String text) {
        assertEquals(List.of(), Phi.texts(detector, text));
    }
}
