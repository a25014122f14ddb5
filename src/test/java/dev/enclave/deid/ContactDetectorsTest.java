package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactDetectorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Call (617) 555-0134 after 5.|(617) 555-0134|PHONE",
        "cell 617.555.0134|617.555.0134|PHONE",
        "Tel: +1 617 555 0134 ext. 22|+1 617 555 0134 ext. 22|PHONE",
        "London office +44 20 7946 0958.|+44 20 7946 0958|PHONE",
        "pager 41123 for questions|41123|PHONE",
        "Fax: 617-555-0199|617-555-0199|FAX",
        "send to 617-555-0199 (fax)|617-555-0199|FAX",
        "P: 212-555-0100 F: 212-555-0101|212-555-0101|FAX"
    })
    void phonesAndFaxes(String text, String expected, PhiType type) {
        List<Phi.Found> found = Phi.find(new PhoneDetector(), text);
        assertTrue(found.contains(new Phi.Found(expected, type)), found::toString);
    }

    @Test
    void phoneBeforeFaxStaysPhone() {
        List<Phi.Found> found = Phi.find(new PhoneDetector(), "Phone: 212-555-0100  Fax: 212-555-0101");
        assertEquals(List.of(new Phi.Found("212-555-0100", PhiType.PHONE), new Phi.Found("212-555-0101", PhiType.FAX)),
                found);
    }

    @Test
    void emails() {
        assertEquals(List.of("j.smith+notes@mail.example.org"),
                Phi.texts(new EmailDetector(), "Write to j.smith+notes@mail.example.org."));
        assertEquals(List.of("mailto:a.wong@lawfirm.com"),
                Phi.texts(new EmailDetector(), "<mailto:a.wong@lawfirm.com>"));
    }

    @Test
    void urlsWithoutTrailingPunctuation() {
        assertEquals(List.of("https://portal.example.org/pt?id=12"),
                Phi.texts(new UrlDetector(), "See https://portal.example.org/pt?id=12."));
        assertEquals(List.of("www.smithfamily.net/photos"),
                Phi.texts(new UrlDetector(), "(www.smithfamily.net/photos)"));
        assertEquals(List.of("mychart.northwell.edu"), Phi.texts(new UrlDetector(), "Portal: mychart.northwell.edu"));
        assertEquals(List.of(), Phi.texts(new UrlDetector(), "e.g. i.e. vs. Dr. Smith"));
    }

    @Test
    void ipAddresses() {
        assertEquals(List.of("192.168.1.20", "2001:db8::ff00:42:8329", "fe80::1"),
                Phi.texts(new IpAddressDetector(), "from 192.168.1.20 and 2001:db8::ff00:42:8329, fe80::1"));
        assertEquals(List.of(), Phi.texts(new IpAddressDetector(), "at 10:30:45 and 999.1.1.1, v1.2.3"));
    }

    @Test
    void socialSecurityNumbers() {
        assertEquals(List.of("123-45-6789"), Phi.texts(new SsnDetector(), "SSN 123-45-6789"));
        assertEquals(List.of("123456789"), Phi.texts(new SsnDetector(), "social security number: 123456789"));
        assertEquals(List.of("XXX-XX-1234"), Phi.texts(new SsnDetector(), "SSN: XXX-XX-1234"));
        assertEquals(List.of(), Phi.texts(new SsnDetector(), "phone 617-555-0134, dose 123 mg"));
    }
}
