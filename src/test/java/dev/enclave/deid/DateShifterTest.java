package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateShifterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3/14/2024|10|3/24/2024",
        "03/14/2024|20|04/03/2024",
        "03-14-24|-14|02-29-24",
        "2024-03-14|1|2024-03-15",
        "2024-03-14T02:15:00Z|30|2024-04-13T02:15:00Z",
        "14-Mar-24|30|13-Apr-24",
        "14 March 2024|-14|29 February 2024",
        "March 14th, 2024|8|March 22nd, 2024",
        "Thursday, March 14, 2024|1|Friday, March 15, 2024",
        "MAR 14|31|APR 14",
        "March 2024|31|April 2024",
        "3/14|17|3/31",
        "14th|3|17th",
        "12/31/99|1|1/1/00",
        "3/14/2024 14:05|1|3/15/2024 14:05",
        "14.03.2024|1|15.03.2024",
        "Jan. 5, '24|-10|Dec. 26, '23"
    })
    void shiftsAndKeepsTheFormat(String written, int days, String expected) {
        assertEquals(expected, DateShifter.shift(written, days).orElseThrow());
    }
}
