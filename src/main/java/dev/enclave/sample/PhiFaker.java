package dev.enclave.sample;

import dev.enclave.deid.PhiType;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Makes fake but realistic PHI values, each with its {@link PhiType}, in many surface forms. Values that must stay
 * the same across documents (a patient's MRN, a client's phone) are drawn once by the caller and reused.
 */
final class PhiFaker {
    private static final List<DateTimeFormatter> DATE_FORMATS = formats(
            "M/d/yyyy", "MM/dd/yyyy", "MM-dd-yy", "dd-MMM-yyyy", "d MMMM yyyy", "yyyy-MM-dd", "MMM d, yyyy",
            "M/d/yy", "EEEE, MMMM d, yyyy", "MMMM d, yyyy", "M-d-yyyy", "MM/dd/yy", "d-MMM-yy", "MMM dd yyyy");
    private static final List<DateTimeFormatter> BIRTH_DATE_FORMATS = formats(
            "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd", "dd-MMM-yyyy", "MMMM d, yyyy", "MM-dd-yyyy", "d MMM yyyy");
    private static final List<DateTimeFormatter> DATE_TIME_FORMATS = formats(
            "MM/dd/yyyy HH:mm", "M/d/yy h:mm a", "dd-MMM-yyyy HHmm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm",
            "MM/dd/yyyy hh:mm a", "M/d/yyyy HH:mm", "MMM d, yyyy h:mm a");
    private static final List<DateTimeFormatter> DAY_MONTH_FORMATS = formats("M/d", "MM/dd", "MMMM d", "MMM d", "d MMMM");
    private static final List<DateTimeFormatter> MONTH_YEAR_FORMATS = formats("MMMM yyyy", "MM/yyyy", "MMM yyyy", "MMM-yyyy", "M/yyyy");
    private static final String VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final String HEX = "0123456789abcdef";

    private final Draw draw;

    PhiFaker(Draw draw) {
        this.draw = draw;
    }

    // ---- people -------------------------------------------------------------------------------------------------

    Person person(LocalDate born) {
        return person(draw.chance(0.5) ? Sex.FEMALE : Sex.MALE, surname(), born);
    }

    /** A person with the given sex and surname, e.g. a relative. */
    Person person(Sex sex, String surname, LocalDate born) {
        String first = draw.one(sex == Sex.FEMALE ? Names.FEMALE : Names.MALE);
        String middle = draw.chance(0.45) ? draw.letters(1) : "";
        return new Person(first, middle, surname, sex, born);
    }

    String surname() {
        String last = draw.one(Names.SURNAMES);
        if (draw.chance(0.05)) {
            return last + "-" + draw.one(Names.SURNAMES);
        }
        return last;
    }

    /** A birth date such that the person is {@code age} years old on {@code on}. */
    LocalDate birthDate(LocalDate on, int age) {
        return on.minusYears(age).minusDays(draw.between(1, 364));
    }

    Phi name(Person p, NameForm form) {
        String middle = p.middle().isEmpty() ? "" : " " + p.middle() + ".";
        String text = switch (form) {
            case FULL -> p.first() + " " + p.last();
            case FULL_MIDDLE -> p.first() + middle + " " + p.last();
            case LAST_FIRST -> p.last() + ", " + p.first();
            case UPPER_LAST_FIRST -> upper(p.last() + ", " + p.first() + (p.middle().isEmpty() ? "" : " " + p.middle()));
            case UPPER_FULL -> upper(p.first() + " " + p.last());
            case INITIAL_LAST -> initial(p.first()) + ". " + p.last();
            case LAST -> p.last();
            case FIRST -> p.first();
            case INITIALS -> initial(p.first()) + "." + initial(p.last()) + ".";
        };
        return new Phi(text, PhiType.NAME);
    }

    // ---- places -------------------------------------------------------------------------------------------------

    City city() {
        return draw.one(Places.CITIES);
    }

    Residence residence(City city) {
        String number = switch (draw.weighted(3, 4, 2, 1)) {
            case 0 -> Integer.toString(draw.between(1, 99));
            case 1 -> Integer.toString(draw.between(100, 9999));
            case 2 -> Integer.toString(draw.between(10000, 29999));
            default -> draw.between(1, 99) + "" + draw.oneOf("A", "B", "1/2");
        };
        String street;
        if (draw.chance(0.06)) {
            street = draw.oneOf("P.O. Box ", "PO Box ", "P.O. Box ") + draw.between(10, 9999);
        } else {
            String direction = draw.chance(0.22) ? draw.oneOf("N ", "S ", "E ", "W ", "North ", "NE ", "SW ") : "";
            street = number + " " + direction + draw.one(Places.STREETS) + " " + draw.one(Places.STREET_TYPES);
        }
        String unit = draw.chance(0.38) ? draw.oneOf("Apt ", "Apt. ", "Unit ", "#", "Suite ", "Apt #", "Lot ", "Bldg C, Apt ")
                + draw.oneOf(Integer.toString(draw.between(1, 40)), draw.between(1, 9) + draw.letters(1),
                Integer.toString(draw.between(100, 1899))) : "";
        return new Residence(street, unit, city, city.zip3() + draw.digits(2), draw.digits(4));
    }

    /** The street line with its unit, in one of several layouts. */
    Phi streetLine(Residence r) {
        if (r.unit().isEmpty()) {
            return new Phi(r.street(), PhiType.ADDRESS);
        }
        String separator = r.unit().startsWith("#") ? draw.oneOf(" ", ", ") : draw.oneOf(", ", " ");
        return new Phi(r.street() + separator + r.unit(), PhiType.ADDRESS);
    }

    /** Just the street name, as in "lives off Elm St". */
    Phi streetName(Residence r) {
        String street = r.street();
        int firstSpace = street.indexOf(' ');
        String name = street.startsWith("P") || firstSpace < 0 ? street : street.substring(firstSpace + 1);
        return new Phi(name, PhiType.ADDRESS);
    }

    Phi city(City city) {
        return new Phi(city.name(), PhiType.LOCATION);
    }

    Phi county(City city) {
        return new Phi(draw.chance(0.85) ? city.county() + " County" : "County of " + city.county(), PhiType.LOCATION);
    }

    Phi zip(Residence r) {
        return new Phi(draw.chance(0.3) ? r.zip() + "-" + r.zip4() : r.zip(), PhiType.ZIP);
    }

    Phi foreignCity() {
        return new Phi(draw.one(Places.FOREIGN_CITIES), PhiType.LOCATION);
    }

    // ---- facilities ---------------------------------------------------------------------------------------------

    Facility hospital() {
        City city = city();
        String prefix = draw.chance(0.35) ? city.name() : draw.one(Places.FACILITY_PREFIXES);
        return facility(prefix + " " + draw.one(Places.HOSPITAL_KINDS), city, draw.oneOf("health.org", "hospital.org", "med.org"));
    }

    Facility clinic() {
        City city = city();
        String prefix = switch (draw.weighted(3, 2, 2)) {
            case 0 -> draw.one(Places.FACILITY_PREFIXES);
            case 1 -> city.name();
            default -> draw.one(Names.SURNAMES);
        };
        return facility(prefix + " " + draw.one(Places.CLINIC_KINDS), city, draw.oneOf("clinic.com", "health.org", "md.com"));
    }

    Facility careHome() {
        City city = city();
        String prefix = draw.chance(0.7) ? draw.one(Places.FACILITY_PREFIXES) : draw.one(Places.STREETS);
        return facility(prefix + " " + draw.one(Places.CARE_HOME_KINDS), city, draw.oneOf("care.com", "seniorliving.com"));
    }

    Facility pharmacy() {
        City city = city();
        String prefix = draw.chance(0.5) ? draw.one(Places.STREETS) : draw.one(Places.FACILITY_PREFIXES);
        return facility(prefix + draw.oneOf(" Pharmacy", " Drug", " Apothecary", " Pharmacy #" + draw.between(2, 980)), city, "rx.com");
    }

    Facility company() {
        City city = city();
        String name = draw.one(Places.COMPANY_WORDS) + " " + draw.one(Places.COMPANY_KINDS);
        return facility(name, city, ".com");
    }

    Facility lawFirm() {
        City city = city();
        String name = switch (draw.weighted(3, 2, 2, 1, 1)) {
            case 0 -> draw.one(Names.SURNAMES) + " & " + draw.one(Names.SURNAMES) + draw.oneOf(" LLP", " LLC", ", P.C.", "");
            case 1 -> draw.one(Names.SURNAMES) + ", " + draw.one(Names.SURNAMES) + " & " + draw.one(Names.SURNAMES) + draw.oneOf(" LLP", ", PLLC");
            case 2 -> "Law Offices of " + draw.one(draw.chance(0.5) ? Names.FEMALE : Names.MALE) + " " + draw.one(Names.SURNAMES);
            case 3 -> draw.one(Names.SURNAMES) + draw.oneOf(" Law Group", " Legal, PLLC", " Injury Lawyers", " Immigration Law");
            default -> city.name() + draw.oneOf(" Legal Aid Society", " Community Law Center", " Public Defender's Office");
        };
        return facility(name, city, "law.com");
    }

    Facility school() {
        City city = city();
        String prefix = draw.chance(0.5) ? draw.one(Names.SURNAMES) : draw.one(Places.STREETS);
        return facility(prefix + draw.oneOf(" Elementary School", " Middle School", " High School", " Academy", " Early Learning Center"), city, ".edu");
    }

    Facility detentionCenter() {
        City city = city();
        String name = draw.chance(0.5) ? city.county() + " County Jail"
                : draw.one(Places.FACILITY_PREFIXES) + draw.oneOf(" Processing Center", " Detention Center", " Correctional Facility");
        return facility(name, city, "gov.us");
    }

    private Facility facility(String name, City city, String suffix) {
        String stem = ascii(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String shortStem = stem.length() > 18 ? stem.substring(0, 18) : stem;
        String domain = suffix.startsWith(".") ? shortStem + suffix : shortStem.substring(0, Math.min(10, shortStem.length())) + suffix;
        return new Facility(name, residence(city), domain, phone(city), fax(city));
    }

    // ---- dates --------------------------------------------------------------------------------------------------

    Phi date(LocalDate date) {
        if (draw.chance(0.08)) {
            return new Phi(date.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " "
                    + ordinal(date.getDayOfMonth()) + ", " + date.getYear(), PhiType.DATE);
        }
        if (draw.chance(0.04)) {
            return new Phi(upper(date.format(DateTimeFormatter.ofPattern("ddMMMyyyy", Locale.US))), PhiType.DATE);
        }
        if (draw.chance(0.03)) {
            return new Phi(ordinal(date.getDayOfMonth()) + " of "
                    + date.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + date.getYear(), PhiType.DATE);
        }
        return new Phi(date.format(draw.one(DATE_FORMATS)), PhiType.DATE);
    }

    Phi birthDate(LocalDate date) {
        return new Phi(date.format(draw.one(BIRTH_DATE_FORMATS)), PhiType.DATE);
    }

    Phi dateTime(LocalDateTime when) {
        return new Phi(when.format(draw.one(DATE_TIME_FORMATS)), PhiType.DATE);
    }

    /** Day and month without the year: 3/14, March 14th, 14 March. */
    Phi dayMonth(LocalDate date) {
        if (draw.chance(0.25)) {
            return new Phi(date.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " "
                    + ordinal(date.getDayOfMonth()), PhiType.DATE);
        }
        return new Phi(date.format(draw.one(DAY_MONTH_FORMATS)), PhiType.DATE);
    }

    /** The day alone as an ordinal, for "on the 14th". */
    Phi dayOrdinal(LocalDate date) {
        return new Phi(ordinal(date.getDayOfMonth()), PhiType.DATE);
    }

    Phi monthYear(LocalDate date) {
        return new Phi(date.format(draw.one(MONTH_YEAR_FORMATS)), PhiType.DATE);
    }

    // ---- contact ------------------------------------------------------------------------------------------------

    Phi phone(City city) {
        return new Phi(telephone(city.areaCode(), true), PhiType.PHONE);
    }

    Phi fax(City city) {
        return new Phi(telephone(city.areaCode(), false), PhiType.FAX);
    }

    private String telephone(String area, boolean extensions) {
        String exchange = draw.chance(0.12) ? "555" : Integer.toString(draw.between(201, 989));
        String line = draw.digits(4);
        String number = switch (draw.weighted(6, 5, 2, 2, 1, 1, 1, 1, 1, 1)) {
            case 0 -> "(" + area + ") " + exchange + "-" + line;
            case 1 -> area + "-" + exchange + "-" + line;
            case 2 -> area + "." + exchange + "." + line;
            case 3 -> "+1 " + area + " " + exchange + " " + line;
            case 4 -> "+1-" + area + "-" + exchange + "-" + line;
            case 5 -> area + exchange + line;
            case 6 -> "(" + area + ")" + exchange + "-" + line;
            case 7 -> "1-" + area + "-" + exchange + "-" + line;
            case 8 -> area + " " + exchange + " " + line;
            default -> exchange + "-" + line;
        };
        if (extensions && draw.chance(0.08)) {
            number += draw.oneOf(" ext. ", " x", " ext ", " Ext. ") + draw.between(2, 4999);
        }
        return number;
    }

    Phi email(Person p) {
        String first = handle(p.first());
        String last = handle(p.last());
        String local = switch (draw.weighted(3, 2, 2, 1, 1, 1, 1)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last + draw.between(1, 99);
            case 2 -> first + last + (p.born().getYear() % 100);
            case 3 -> first + "_" + last;
            case 4 -> last + first.charAt(0) + draw.digits(3);
            case 5 -> first + draw.oneOf("bear", "girl", "fan", "mom", "dad", "77", "rocks", ".home");
            default -> first.charAt(0) + "." + last + "." + p.born().getYear();
        };
        return new Phi(local + "@" + draw.one(Places.EMAIL_DOMAINS), PhiType.EMAIL);
    }

    /** A work address at an organisation's domain. */
    Phi email(Person p, Facility organisation) {
        String local = draw.chance(0.6) ? handle(p.first()) + "." + handle(p.last()) : handle(p.first()).charAt(0) + handle(p.last());
        return new Phi(local + "@" + organisation.domain(), PhiType.EMAIL);
    }

    Phi socialUrl(Person p) {
        String first = handle(p.first());
        String last = handle(p.last());
        String url = switch (draw.weighted(3, 2, 2, 1, 1, 1)) {
            case 0 -> draw.oneOf("https://www.", "https://", "www.", "") + "facebook.com/" + first + "." + last + "." + draw.between(1, 999);
            case 1 -> draw.oneOf("https://www.", "") + "instagram.com/" + first + "_" + last + draw.oneOf("", "_", "." + draw.between(1, 99));
            case 2 -> "https://www.linkedin.com/in/" + first + "-" + last + "-" + draw.alphanumeric(6).toLowerCase(Locale.ROOT);
            case 3 -> "https://x.com/" + first.charAt(0) + last + draw.between(1, 99);
            case 4 -> "https://www.tiktok.com/@" + first + last + draw.digits(2);
            default -> "https://www.gofundme.com/f/help-" + first + "-" + last + draw.oneOf("-recover", "-family", "-get-home", "");
        };
        return new Phi(url, PhiType.URL);
    }

    Phi portalUrl(Facility facility) {
        String url = switch (draw.weighted(2, 2, 1)) {
            case 0 -> "https://mychart." + facility.domain() + "/patient/" + draw.digits(7);
            case 1 -> "https://portal." + facility.domain() + "/messages/" + draw.alphanumeric(10).toLowerCase(Locale.ROOT);
            default -> "http://" + facility.domain() + "/records?pid=" + draw.digits(8);
        };
        return new Phi(url, PhiType.URL);
    }

    Phi fileShareUrl() {
        String url = switch (draw.weighted(2, 1, 1)) {
            case 0 -> "https://www.dropbox.com/s/" + draw.alphanumeric(12).toLowerCase(Locale.ROOT) + "/" + draw.oneOf("photos.zip", "scene.mp4", "records.pdf");
            case 1 -> "https://drive.google.com/file/d/" + draw.alphanumeric(20) + "/view";
            default -> "https://youtu.be/" + draw.alphanumeric(11);
        };
        return new Phi(url, PhiType.URL);
    }

    Phi ip() {
        String address = switch (draw.weighted(4, 2, 2, 1)) {
            case 0 -> draw.between(12, 223) + "." + draw.between(0, 255) + "." + draw.between(0, 255) + "." + draw.between(1, 254);
            case 1 -> "192.168." + draw.between(0, 20) + "." + draw.between(2, 254);
            case 2 -> "10." + draw.between(0, 255) + "." + draw.between(0, 255) + "." + draw.between(2, 254);
            default -> "2601:" + hex(3) + ":" + hex(4) + ":" + hex(3) + "::" + hex(2);
        };
        return new Phi(address, PhiType.IP);
    }

    // ---- identifiers --------------------------------------------------------------------------------------------

    Phi ssn() {
        int area = draw.between(1, 898);
        if (area == 666) {
            area = 667;
        }
        String a = String.format(Locale.ROOT, "%03d", area);
        String g = String.format(Locale.ROOT, "%02d", draw.between(1, 99));
        String s = String.format(Locale.ROOT, "%04d", draw.between(1, 9999));
        String text = switch (draw.weighted(7, 2, 1)) {
            case 0 -> a + "-" + g + "-" + s;
            case 1 -> a + " " + g + " " + s;
            default -> a + g + s;
        };
        return new Phi(text, PhiType.SSN);
    }

    Phi mrn() {
        String text = switch (draw.weighted(4, 2, 1, 1, 1)) {
            case 0 -> "00" + draw.digits(6);
            case 1 -> draw.number(7);
            case 2 -> "E" + draw.digits(7);
            case 3 -> "MR" + draw.digits(6);
            default -> draw.number(3) + "-" + draw.digits(2) + "-" + draw.digits(2);
        };
        return new Phi(text, PhiType.MRN);
    }

    Phi healthPlanId() {
        String text = switch (draw.weighted(3, 2, 2, 1)) {
            case 0 -> draw.letters(3) + draw.digits(9);
            case 1 -> "W" + draw.digits(9);
            case 2 -> draw.between(1, 9) + draw.letters(1) + draw.alphanumeric(1) + draw.digits(1) + "-"
                    + draw.letters(1) + draw.alphanumeric(1) + draw.digits(1) + "-" + draw.letters(2) + draw.digits(2);
            default -> draw.number(8) + draw.oneOf("01", "02", "A");
        };
        return new Phi(text, PhiType.HEALTH_PLAN);
    }

    Phi account() {
        String text = switch (draw.weighted(3, 2, 2, 1)) {
            case 0 -> draw.number(9);
            case 1 -> draw.digits(4) + "-" + draw.digits(4) + "-" + draw.digits(2);
            case 2 -> "00" + draw.digits(10);
            default -> draw.letters(2) + draw.digits(8);
        };
        return new Phi(text, PhiType.ACCOUNT);
    }

    /** A payment card number that passes the Luhn check, grouped in fours. */
    Phi cardNumber() {
        String body = draw.oneOf("4", "51", "55", "37") + draw.digits(12);
        String full = body + luhnDigit(body);
        String grouped = full.replaceAll("(.{4})(?!$)", "$1" + draw.oneOf(" ", "-"));
        return new Phi(grouped, PhiType.ACCOUNT);
    }

    /** The last four digits of an account, for "ending in 4471". */
    Phi accountSuffix() {
        return new Phi(draw.digits(4), PhiType.ACCOUNT);
    }

    Phi driversLicense() {
        String text = switch (draw.weighted(2, 2, 1, 1, 1)) {
            case 0 -> draw.letters(1) + draw.digits(7);
            case 1 -> draw.letters(1) + draw.digits(3) + "-" + draw.digits(4) + "-" + draw.digits(4);
            case 2 -> draw.digits(3) + " " + draw.digits(3) + " " + draw.digits(3);
            case 3 -> draw.number(8);
            default -> "WDL" + draw.alphanumeric(9);
        };
        return new Phi(text, PhiType.LICENSE);
    }

    Phi npi() {
        return new Phi("1" + draw.digits(9), PhiType.LICENSE);
    }

    /** A DEA registration number with a valid check digit for the registrant's surname. */
    Phi dea(Person registrant) {
        String digits = draw.digits(6);
        int odd = (digits.charAt(0) - '0') + (digits.charAt(2) - '0') + (digits.charAt(4) - '0');
        int even = (digits.charAt(1) - '0') + (digits.charAt(3) - '0') + (digits.charAt(5) - '0');
        char initial = Character.toUpperCase(ascii(registrant.last()).charAt(0));
        return new Phi(draw.oneOf("A", "B", "F") + initial + digits + ((odd + 2 * even) % 10), PhiType.LICENSE);
    }

    Phi professionalLicense() {
        String text = switch (draw.weighted(2, 1, 1, 1)) {
            case 0 -> draw.oneOf("RN", "MD", "PA", "LCSW") + draw.oneOf("", " ", "-", ".") + draw.number(6);
            case 1 -> draw.number(6);
            case 2 -> draw.letters(1) + draw.digits(5);
            default -> "CSLB " + draw.number(7);
        };
        return new Phi(text, PhiType.LICENSE);
    }

    Phi barNumber() {
        return new Phi(draw.number(draw.between(5, 7)), PhiType.LICENSE);
    }

    Phi plate() {
        String text = switch (draw.weighted(3, 3, 2, 1, 1)) {
            case 0 -> draw.between(1, 9) + draw.letters(3) + draw.digits(3);
            case 1 -> draw.letters(3) + "-" + draw.digits(4);
            case 2 -> draw.letters(3) + " " + draw.digits(3);
            case 3 -> draw.digits(3) + " " + draw.letters(3);
            default -> draw.letters(2) + draw.digits(2) + draw.letters(2);
        };
        return new Phi(text, PhiType.VEHICLE);
    }

    /** A 17-character vehicle identification number with a valid check digit. */
    Phi vin() {
        StringBuilder vin = new StringBuilder(draw.oneOf("1", "2", "3", "4", "5", "J", "K", "W"));
        for (int i = 1; i < 17; i++) {
            vin.append(i >= 12 ? (char) ('0' + draw.between(0, 9)) : VIN_ALPHABET.charAt(draw.between(0, VIN_ALPHABET.length() - 1)));
        }
        vin.setCharAt(8, vinCheckDigit(vin));
        return new Phi(vin.toString(), PhiType.VEHICLE);
    }

    Phi deviceSerial() {
        String text = switch (draw.weighted(3, 2, 2, 1, 1)) {
            case 0 -> draw.letters(3) + draw.digits(6) + draw.letters(1);
            case 1 -> draw.digits(2) + draw.letters(2) + "-" + draw.digits(3) + "-" + draw.digits(3);
            case 2 -> draw.number(11);
            case 3 -> "L" + draw.digits(7);
            default -> draw.alphanumeric(4) + "-" + draw.alphanumeric(4) + "-" + draw.alphanumeric(4);
        };
        return new Phi(text, PhiType.DEVICE);
    }

    /** A phone's IMEI (Luhn-valid), plain or grouped. */
    Phi imei() {
        String body = "35" + draw.digits(12);
        String full = body + luhnDigit(body);
        String text = draw.chance(0.5) ? full
                : full.substring(0, 2) + "-" + full.substring(2, 8) + "-" + full.substring(8, 14) + "-" + full.substring(14);
        return new Phi(text, PhiType.DEVICE);
    }

    Phi macAddress() {
        StringBuilder mac = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            mac.append(i == 0 ? "" : ":").append(hex(2).toUpperCase(Locale.ROOT));
        }
        return new Phi(mac.toString(), PhiType.DEVICE);
    }

    /** A biometric template or sample identifier of the given kind. */
    Phi biometric(BiometricKind kind) {
        String text = switch (kind) {
            case FINGERPRINT -> "FPT-" + draw.digits(5) + "-" + draw.alphanumeric(2);
            case PALM_VEIN -> "PV" + draw.digits(8);
            case RETINA -> "RET-" + draw.alphanumeric(6);
            case VOICE -> "VP" + draw.digits(6) + draw.letters(1);
            case FACE -> hex(16);
            case DNA -> "DNA-" + draw.between(19, 24) + "-" + draw.digits(5);
        };
        return new Phi(text, PhiType.BIOMETRIC);
    }

    /** Kinds of biometric identifiers that records refer to. */
    enum BiometricKind { FINGERPRINT, PALM_VEIN, RETINA, VOICE, FACE, DNA }

    /** Hospital encounter or financial identification number. */
    Phi encounterNumber() {
        return new Phi(draw.oneOf("", "", "V", "ENC") + draw.number(9), PhiType.OTHER_ID);
    }

    Phi accessionNumber() {
        return new Phi(draw.oneOf("RAD-", "ACC", "IMG", "") + draw.between(21, 25) + draw.oneOf("-", "") + draw.digits(6), PhiType.OTHER_ID);
    }

    /** A court docket or case number in the styles of the courts that hear the given kind of matter. */
    Phi docket(int year, CaseType type) {
        int yy = year % 100;
        String code = switch (type) {
            case PERSONAL_INJURY -> draw.oneOf("CV", "L", "PI", "CA");
            case EMPLOYMENT -> draw.oneOf("CV", "L", "CH");
            case FAMILY -> draw.oneOf("FL", "DR", "D", "FA");
            case IMMIGRATION -> draw.oneOf("CV", "HC");
            case CRIMINAL_DEFENSE -> draw.oneOf("CR", "CF", "CM", "MM");
            case CONTRACT -> draw.oneOf("CV", "SC", "CH", "LM");
        };
        boolean federalCourt = type != CaseType.FAMILY && draw.chance(type == CaseType.IMMIGRATION ? 1 : 0.15);
        String text = federalCourt
                ? draw.between(1, 4) + ":" + yy + "-" + (type == CaseType.CRIMINAL_DEFENSE ? "cr" : "cv") + "-" + draw.digits(5)
                        + draw.oneOf("", "-" + draw.letters(3))
                : switch (draw.weighted(2, 2, 1, 1)) {
                    case 0 -> yy + "-" + code + "-" + draw.number(4);
                    case 1 -> code + "-" + year + "-" + draw.digits(6);
                    case 2 -> year + code + draw.digits(5);
                    default -> yy + code + draw.digits(6);
                };
        return new Phi(text, PhiType.OTHER_ID);
    }

    Phi alienNumber() {
        String digits = draw.number(9);
        String text = switch (draw.weighted(2, 2, 1)) {
            case 0 -> "A" + digits;
            case 1 -> "A" + digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
            default -> digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
        };
        return new Phi(text, PhiType.OTHER_ID);
    }

    Phi receiptNumber() {
        return new Phi(draw.oneOf("IOE", "EAC", "WAC", "LIN", "SRC", "MSC") + draw.number(10), PhiType.OTHER_ID);
    }

    Phi passportNumber() {
        return new Phi(draw.chance(0.5) ? draw.number(9) : draw.letters(1) + draw.digits(8), PhiType.OTHER_ID);
    }

    Phi i94Number() {
        return new Phi(draw.number(9) + draw.letters(1) + draw.digits(1), PhiType.OTHER_ID);
    }

    Phi claimNumber(int year) {
        String text = switch (draw.weighted(2, 1, 1)) {
            case 0 -> "CLM-" + year + "-" + draw.digits(7);
            case 1 -> draw.number(2) + "-" + draw.letters(1) + draw.digits(6);
            default -> draw.letters(3) + draw.digits(9);
        };
        return new Phi(text, PhiType.OTHER_ID);
    }

    Phi policyNumber() {
        return new Phi(draw.letters(draw.between(2, 3)) + draw.oneOf("-", "", " ") + draw.number(8), PhiType.OTHER_ID);
    }

    Phi reportNumber(int year) {
        String text = switch (draw.weighted(2, 1, 1)) {
            case 0 -> draw.letters(2) + "-" + draw.number(6);
            case 1 -> (year % 100) + "-" + draw.number(6);
            default -> year + "-" + draw.digits(8);
        };
        return new Phi(text, PhiType.OTHER_ID);
    }

    Phi bookingNumber() {
        return new Phi(draw.oneOf("BK-", "", "JID ") + draw.number(7), PhiType.OTHER_ID);
    }

    Phi employeeId() {
        return new Phi(draw.oneOf("E-", "EMP", "", "W") + draw.number(draw.between(5, 7)), PhiType.OTHER_ID);
    }

    Phi badgeNumber() {
        return new Phi(Integer.toString(draw.between(100, 9999)), PhiType.OTHER_ID);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Name letters for an e-mail address or URL: lower-case ASCII, no spaces or punctuation. */
    static String handle(String name) {
        return ascii(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    static String ascii(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
                .replace("ß", "ss").replace("ı", "i").replace("æ", "ae");
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    static String ordinal(int day) {
        String suffix = day >= 11 && day <= 13 ? "th" : switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return day + suffix;
    }

    private static String initial(String name) {
        return name.substring(0, name.offsetByCodePoints(0, 1));
    }

    private String hex(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(HEX.charAt(draw.between(0, 15)));
        }
        return out.toString();
    }

    private static int luhnDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static char vinCheckDigit(CharSequence vin) {
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : transliterate(c);
            sum += value * weights[i];
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** The VIN transliteration value of a letter (I, O and Q never occur). */
    private static int transliterate(char letter) {
        int[] table = {1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        return table[letter - 'A'];
    }

    private static List<DateTimeFormatter> formats(String... patterns) {
        return Arrays.stream(patterns).map(p -> DateTimeFormatter.ofPattern(p, Locale.US)).toList();
    }
}
