package dev.enclave.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The people and places clinical notes share: facilities, physicians per specialty, nurses, radiologists; makes patients. */
final class ClinicalCast {
    private static final LocalDate STAFF_BORN = LocalDate.of(1975, 1, 1);

    private final Draw draw;
    private final PhiFaker faker;
    private final List<Facility> hospitals = new ArrayList<>();
    private final List<Facility> clinics = new ArrayList<>();
    private final List<Facility> careHomes = new ArrayList<>();
    private final Map<Specialty, List<Person>> specialists = new EnumMap<>(Specialty.class);
    private final List<Person> primaryCare = new ArrayList<>();
    private final List<Person> nurses = new ArrayList<>();
    private final List<Person> radiologists = new ArrayList<>();
    private final List<Person> caseManagers = new ArrayList<>();

    ClinicalCast(Draw draw, PhiFaker faker) {
        this.draw = draw;
        this.faker = faker;
        for (int i = 0; i < 28; i++) {
            hospitals.add(faker.hospital());
            clinics.add(faker.clinic());
        }
        for (int i = 0; i < 16; i++) {
            careHomes.add(faker.careHome());
        }
        for (Specialty specialty : Specialty.values()) {
            specialists.put(specialty, staff(9));
        }
        primaryCare.addAll(staff(70));
        nurses.addAll(staff(60));
        radiologists.addAll(staff(14));
        caseManagers.addAll(staff(12));
    }

    private List<Person> staff(int count) {
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(faker.person(STAFF_BORN.plusDays(draw.between(0, 9000))));
        }
        return people;
    }

    Person specialist(Specialty specialty) {
        return draw.one(specialists.get(specialty));
    }

    Person nurse() {
        return draw.one(nurses);
    }

    Person radiologist() {
        return draw.one(radiologists);
    }

    Person caseManager() {
        return draw.one(caseManagers);
    }

    Facility hospital() {
        return draw.one(hospitals);
    }

    Facility clinic() {
        return draw.one(clinics);
    }

    Facility careHome() {
        return draw.one(careHomes);
    }

    /** A new patient of the given usual specialty, first seen on {@code firstVisit}. */
    Patient patient(String id, Specialty specialty, LocalDate firstVisit) {
        int age = switch (draw.weighted(15, 38, 40, 7)) {
            case 0 -> draw.between(18, 39);
            case 1 -> draw.between(40, 64);
            case 2 -> draw.between(65, 89);
            default -> draw.between(90, 99);
        };
        Person person = faker.person(faker.birthDate(firstVisit, age));
        Residence home = faker.residence(faker.city());
        List<String> relations = ClinicalVocabulary.RELATIONS.stream()
                .filter(r -> age < 62 || !(r.equals("mother") || r.equals("father"))).toList();
        String relation = draw.one(relations);
        Person relative = relative(person, relation);
        List<String> history = new ArrayList<>();
        for (String template : draw.some(ClinicalVocabulary.COMORBIDITIES, draw.between(2, 4))) {
            history.add(plain(template));
        }
        List<Specialty> others = new ArrayList<>(List.of(Specialty.values()));
        others.remove(specialty);
        List<Specialty> comorbid = draw.some(others, 2);
        for (Specialty other : comorbid) {
            history.add(plain(draw.one(SpecialtyLexicons.of(other).chronic())));
        }
        draw.shuffle(history);
        return new Patient(id, person, home, faker.mrn(), faker.healthPlanId(), draw.one(ClinicalVocabulary.PAYERS),
                faker.phone(home.city()), faker.email(person), faker.ssn(), faker.account(), faker.plate(),
                faker.foreignCity(), specialty, comorbid, history, draw.one(ClinicalVocabulary.ALLERGIES), relative, relation,
                faker.phone(draw.chance(0.7) ? home.city() : faker.city()), draw.one(primaryCare), hospital(), clinic());
    }

    private Person relative(Person patient, String relation) {
        Sex sex = switch (relation) {
            case "daughter", "wife", "sister", "niece", "granddaughter", "mother" -> Sex.FEMALE;
            case "son", "husband", "brother", "nephew", "father" -> Sex.MALE;
            default -> draw.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        };
        long patientAge = ChronoUnit.YEARS.between(patient.born(), LocalDate.of(2024, 1, 1));
        long age = switch (relation) {
            case "mother", "father" -> patientAge + draw.between(18, 38);
            case "wife", "husband", "partner", "sister", "brother" -> patientAge + draw.between(-8, 8);
            case "granddaughter" -> Math.max(8, patientAge - draw.between(40, 55));
            default -> Math.max(16, patientAge - draw.between(20, 35));
        };
        String surname = draw.chance(0.65) ? patient.last() : faker.surname();
        return faker.person(sex, surname, faker.birthDate(LocalDate.of(2024, 1, 1), (int) Math.max(age, 1)));
    }

    /** Expands a history template, which may only use the {year} slot. */
    private String plain(String template) {
        TextBuilder out = new TextBuilder();
        Template.expand(template, draw, (key, sink) -> {
            if (!key.equals("year")) {
                throw new IllegalArgumentException("history templates may only use {year}: " + template);
            }
            sink.text(Integer.toString(draw.between(2005, 2022)));
        }, out);
        AnnotatedText text = out.build();
        if (!text.spans().isEmpty()) {
            throw new IllegalStateException("history templates must not contain PHI: " + template);
        }
        return text.text();
    }
}
