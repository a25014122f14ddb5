package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceDetectorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Springfield, IL 62704|62704",
        "Boston, MA 02115-4411|02115-4411",
        "Columbus, Ohio 43215|43215",
        "zip code: 10550|10550"
    })
    void zipCodes(String text, String expected) {
        assertEquals(List.of(expected), Phi.texts(new ZipDetector(), text));
    }

    @Test
    void fiveDigitNumbersWithoutCueAreNotZips() {
        assertEquals(List.of(), Phi.texts(new ZipDetector(), "Platelets 25000 and 14000 steps"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lives at 1234 Oak Street, Apt 4B with family|1234 Oak Street, Apt 4B",
        "Address: 77 Elm St Apt 2, Mount Vernon|77 Elm St Apt 2",
        "2100 N. Kenny Rd, Suite 300, Columbus|2100 N. Kenny Rd, Suite 300",
        "mail to P.O. Box 4471 please|P.O. Box 4471",
        "ADDRESS: 15 MAPLE AVE #3|15 MAPLE AVE #3",
        "office at 350 5th Avenue|350 5th Avenue"
    })
    void streetAddresses(String text, String expected) {
        assertTrue(Phi.texts(new AddressDetector(), text).contains(expected), Phi.texts(new AddressDetector(), text)::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "She lives in Quincy with her son.|Quincy",
        "Transferred from Tacoma, WA yesterday.|Tacoma",
        "moved from Xylotown last year|Xylotown",
        "resident of Cook County since 1990|Cook County",
        "born in Hanoi, emigrated later|Hanoi",
        "Executed at Oakland, California.|Oakland",
        "City of Worcester ordinance|Worcester",
        "LIVES IN NORTH ANDOVER, MA 01845|NORTH ANDOVER"
    })
    void locations(String text, String expected) {
        assertTrue(Phi.texts(new LocationDetector(), text).contains(expected),
                Phi.texts(new LocationDetector(), text)::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "John Smith, MD saw the patient.", "Moved from Texas to Ohio.", "Traveled to Mexico in 2019.",
        "Orange juice and mobile phone.", "Seen by Dr. Houston today.", "the county hospital"
    })
    void notLocations(String text) {
        assertEquals(List.of(), Phi.texts(new LocationDetector(), text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "admitted to Mercy General Hospital overnight|Mercy General Hospital",
        "ADMITTED TO SUNRISE NURSING HOME|SUNRISE NURSING HOME",
        "transferred from St. Mary's Medical Center|St. Mary's Medical Center",
        "rehab at Lakeview Rehabilitation Center|Lakeview Rehabilitation Center",
        "care at the Hospital of the University of Pennsylvania|Hospital of the University of Pennsylvania",
        "counsel at Baker & Cole LLP wrote|Baker & Cole LLP",
        "RIVERSIDE PROPERTY MANAGEMENT, LLC, Defendant|RIVERSIDE PROPERTY MANAGEMENT, LLC",
        "follows at Northshore Family Medicine|Northshore Family Medicine",
        "was seen at St. Elizabeth's last week|St. Elizabeth's"
    })
    void facilities(String text, String expected) {
        assertTrue(Phi.texts(new FacilityDetector(), text).contains(expected),
                Phi.texts(new FacilityDetector(), text)::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "presented to the Emergency Department", "sent to the hospital", "follow up at Urgent Care",
        "discharged to a nursing home", "Community Hospital policy", "joined a Support Group"
    })
    void genericFacilityWordsAreNotNames(String text) {
        assertEquals(List.of(), Phi.texts(new FacilityDetector(), text));
    }
}
