package dev.enclave.sample;

import dev.enclave.deid.PhiType;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes people, ages, addresses and dates the way documents mention them. Courtesy titles, credentials and cue
 * words stay outside the spans: in "Dr. Ruiz" only "Ruiz" is a NAME, in "MRN: 00482913" only the number is an MRN.
 */
final class Mentions {
    private static final List<String> TENS_WORDS = List.of("", "-one", "-two", "-three", "-four", "-five", "-six",
            "-seven", "-eight", "-nine");

    private final Draw draw;
    private final PhiFaker faker;

    Mentions(Draw draw, PhiFaker faker) {
        this.draw = draw;
        this.faker = faker;
    }

    /** Any everyday mention: "Maria Ruiz", "Mrs. Ruiz", "Maria", "M. Ruiz", "Ruiz, Maria". */
    void person(TextBuilder out, Person p) {
        switch (draw.weighted(3, 3, 1, 1, 1, 0.5, 0.3)) {
            case 0 -> out.phi(faker.name(p, NameForm.FULL));
            case 1 -> titled(out, p);
            case 2 -> out.phi(faker.name(p, NameForm.FIRST));
            case 3 -> out.phi(faker.name(p, NameForm.FULL_MIDDLE));
            case 4 -> out.phi(faker.name(p, NameForm.INITIAL_LAST));
            case 5 -> out.phi(faker.name(p, NameForm.LAST_FIRST));
            default -> out.phi(faker.name(p, NameForm.UPPER_FULL));
        }
    }

    /** "Mr. Ruiz", "Ms Chen", "Mrs. O'Neil", "Mr. José Ruiz". */
    void titled(TextBuilder out, Person p) {
        String title = p.sex() == Sex.MALE ? draw.oneOf("Mr. ", "Mr. ", "Mr ")
                : draw.oneOf("Ms. ", "Mrs. ", "Ms ", "Ms. ", "Miss ");
        out.text(title).phi(faker.name(p, draw.chance(0.8) ? NameForm.LAST : NameForm.FULL));
    }

    /** A record header: "RUIZ, MARIA J", "Ruiz, Maria", "MARIA RUIZ". */
    void header(TextBuilder out, Person p) {
        NameForm form = switch (draw.weighted(3, 2, 2, 1, 1)) {
            case 0 -> NameForm.UPPER_LAST_FIRST;
            case 1 -> NameForm.LAST_FIRST;
            case 2 -> NameForm.FULL;
            case 3 -> NameForm.UPPER_FULL;
            default -> NameForm.FULL_MIDDLE;
        };
        out.phi(faker.name(p, form));
    }

    void first(TextBuilder out, Person p) {
        out.phi(faker.name(p, NameForm.FIRST));
    }

    /** A physician or other clinician: "Dr. Patel", "Priya Patel, MD", "P. Patel, DO", "PATEL, PRIYA MD". */
    void clinician(TextBuilder out, Person p) {
        String credential = draw.oneOf("MD", "MD", "MD", "DO", "M.D.");
        switch (draw.weighted(4, 2, 2, 1, 1, 1)) {
            case 0 -> out.text(draw.oneOf("Dr. ", "Dr. ", "Dr ")).phi(faker.name(p, NameForm.LAST));
            case 1 -> out.text(draw.oneOf("Dr. ", "Dr ")).phi(faker.name(p, NameForm.FULL));
            case 2 -> out.phi(faker.name(p, NameForm.FULL)).text(", " + credential);
            case 3 -> out.phi(faker.name(p, NameForm.INITIAL_LAST)).text(", " + credential);
            case 4 -> out.phi(faker.name(p, NameForm.UPPER_LAST_FIRST)).text(" " + credential.replace(".", ""));
            default -> out.phi(faker.name(p, NameForm.FULL_MIDDLE)).text(", " + credential);
        }
    }

    /** Surname with "Dr.", for letters: "Dear Dr. Patel". */
    void doctorSurname(TextBuilder out, Person p) {
        out.text("Dr. ").phi(faker.name(p, NameForm.LAST));
    }

    /** Nurses, therapists and social workers: "Jenna Smith, RN", "J. Smith RN", "Jenna S., RN", "Jenna (RN)". */
    void staff(TextBuilder out, Person p, String credential) {
        switch (draw.weighted(3, 2, 1, 1, 1)) {
            case 0 -> out.phi(faker.name(p, NameForm.FULL)).text(", " + credential);
            case 1 -> out.phi(faker.name(p, NameForm.INITIAL_LAST)).text(" " + credential);
            case 2 -> out.phi(new Phi(p.first() + " " + p.last().substring(0, p.last().offsetByCodePoints(0, 1)) + ".",
                    PhiType.NAME)).text(", " + credential);
            case 3 -> out.phi(faker.name(p, NameForm.FIRST)).text(" (" + credential + ")");
            default -> out.text(credential + " ").phi(faker.name(p, NameForm.FULL));
        }
    }

    /** Lawyers: "Attorney Okafor", "Dana Whitfield, Esq.", "Ms. Whitfield", "counsel Dana Whitfield". */
    void attorney(TextBuilder out, Person p) {
        switch (draw.weighted(2, 2, 2, 1)) {
            case 0 -> out.text(draw.oneOf("Attorney ", "Atty. ", "attorney ")).phi(faker.name(p, NameForm.LAST));
            case 1 -> out.phi(faker.name(p, NameForm.FULL)).text(", Esq.");
            case 2 -> titled(out, p);
            default -> out.phi(faker.name(p, NameForm.FULL_MIDDLE));
        }
    }

    /**
     * An age used as an adjective: "67-year-old", "67 y/o", "67yo". Ages over 89 are PHI and get an AGE span on the
     * number (sometimes spelled out); younger ages are plain text.
     */
    void ageAdjective(TextBuilder out, int years) {
        String suffix = draw.oneOf("-year-old", "-year-old", " y/o", "yo", " yo", " year old", "-yr-old", " y.o.");
        ageNumber(out, years, suffix.startsWith("-year"));
        out.text(suffix);
    }

    /** An age as a noun phrase: "67 years old", "age 67", "aged 92", "in her 90s". */
    void ageNoun(TextBuilder out, int years, Sex sex) {
        switch (draw.weighted(3, 2, 1, 1)) {
            case 0 -> {
                ageNumber(out, years, true);
                out.text(" years old");
            }
            case 1 -> {
                out.text("age ");
                ageNumber(out, years, false);
            }
            case 2 -> {
                out.text("aged ");
                ageNumber(out, years, false);
            }
            default -> {
                if (years > 89 && years < 100) {
                    out.text("in " + sex.possessive() + " ").phi(new Phi("90s", PhiType.AGE));
                } else {
                    ageNumber(out, years, false);
                    out.text(" yrs");
                }
            }
        }
    }

    /** "an " before ages read with a leading vowel sound (8, 11, 18, 80-89), "a " otherwise. */
    static String article(int years) {
        boolean vowel = years == 8 || years == 11 || years == 18 || (years >= 80 && years <= 89);
        return vowel ? "an " : "a ";
    }

    private void ageNumber(TextBuilder out, int years, boolean mayBeWords) {
        if (years <= 89) {
            out.text(Integer.toString(years));
        } else if (mayBeWords && years < 100 && draw.chance(0.25)) {
            out.phi(new Phi("ninety" + TENS_WORDS.get(years - 90), PhiType.AGE));
        } else {
            out.phi(new Phi(Integer.toString(years), PhiType.AGE));
        }
    }

    /** A one-line address: "1428 N Elm St, Apt 4B, Springfield, IL 62704". */
    void address(TextBuilder out, Residence r) {
        out.phi(faker.streetLine(r));
        out.text(draw.oneOf(", ", ", ", " "));
        out.phi(faker.city(r.city()));
        out.text(", " + state(r.city()) + " ");
        out.phi(faker.zip(r));
    }

    /** A two-line address block. */
    void addressBlock(TextBuilder out, Residence r) {
        out.phi(faker.streetLine(r)).text("\n").phi(faker.city(r.city())).text(", " + state(r.city()) + " ").phi(faker.zip(r));
    }

    /** "Springfield, IL" or "Springfield, Illinois". */
    void cityState(TextBuilder out, City city) {
        out.phi(faker.city(city)).text(", " + state(city));
    }

    private String state(City city) {
        return draw.chance(0.8) ? city.state() : Places.STATE_NAMES.get(city.state());
    }

    /** A recent date without its year: "3/14", "March 14th", or "the 14th". */
    void dayMonth(TextBuilder out, LocalDate date) {
        if (draw.chance(0.18)) {
            out.text("the ").phi(faker.dayOrdinal(date));
        } else {
            out.phi(faker.dayMonth(date));
        }
    }

    /** A biometric identifier with the words that name its kind. */
    void biometric(TextBuilder out) {
        PhiFaker.BiometricKind kind = draw.one(List.of(PhiFaker.BiometricKind.values()));
        String cue = switch (kind) {
            case FINGERPRINT -> draw.oneOf("fingerprint template ", "fingerprint ID ", "thumbprint record ");
            case PALM_VEIN -> draw.oneOf("palm-vein scan ID ", "palm vein template ", "PalmSecure ID ");
            case RETINA -> draw.oneOf("retinal scan ID ", "iris template ", "retina scan record ");
            case VOICE -> draw.oneOf("voiceprint ID ", "voice biometric enrollment ");
            case FACE -> draw.oneOf("facial recognition template ", "face template hash ");
            case DNA -> draw.oneOf("DNA profile no. ", "DNA sample ID ");
        };
        out.text(cue).phi(faker.biometric(kind));
    }
}
