package dev.enclave.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The firms, lawyers and organisations legal files share; makes matters with their parties and people. */
final class LegalCast {
    private record Firm(Facility office, List<Person> attorneys, List<Person> paralegals) {
    }

    private final Draw draw;
    private final PhiFaker faker;
    private final List<Firm> firms = new ArrayList<>();
    private final List<Facility> organisations = new ArrayList<>();

    LegalCast(Draw draw, PhiFaker faker) {
        this.draw = draw;
        this.faker = faker;
        for (int i = 0; i < 36; i++) {
            firms.add(new Firm(faker.lawFirm(), people(draw.between(2, 5), 1960, 1995), people(2, 1970, 2000)));
        }
        for (int i = 0; i < 60; i++) {
            organisations.add(i % 3 == 0 ? faker.clinic() : faker.company());
        }
    }

    private List<Person> people(int count, int fromYear, int toYear) {
        List<Person> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(adult(fromYear, toYear));
        }
        return out;
    }

    private Person adult(int fromYear, int toYear) {
        return faker.person(LocalDate.of(draw.between(fromYear, toYear), draw.between(1, 12), draw.between(1, 28)));
    }

    Matter matter(String id, CaseType type, LocalDate incident) {
        Person client = adult(1940, 2004);
        Residence home = faker.residence(faker.city());
        Firm firm = draw.one(firms);
        Firm other = draw.one(firms);
        Person opposing = type == CaseType.FAMILY || type == CaseType.IMMIGRATION
                ? faker.person(client.sex() == Sex.FEMALE ? Sex.MALE : Sex.FEMALE, draw.chance(0.5) ? client.last() : faker.surname(),
                        LocalDate.of(draw.between(1945, 2002), draw.between(1, 12), draw.between(1, 28)))
                : adult(1950, 2003);
        Facility organisation = type == CaseType.PERSONAL_INJURY && draw.chance(0.4) ? faker.careHome() : draw.one(organisations);
        Map<Role, Person> people = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            people.put(role, switch (role) {
                case CHILD, SECOND_CHILD -> faker.person(draw.chance(0.5) ? Sex.FEMALE : Sex.MALE, client.last(),
                        incident.minusYears(draw.between(2, 16)).minusDays(draw.between(0, 360)));
                case ELDER -> faker.person(draw.chance(0.6) ? Sex.FEMALE : Sex.MALE, draw.chance(0.5) ? client.last() : faker.surname(),
                        faker.birthDate(incident, draw.between(90, 103)));
                default -> adult(1945, 2000);
            });
        }
        return new Matter(id, type, client, home, faker.phone(home.city()), faker.email(client), opposing,
                faker.residence(draw.chance(0.6) ? home.city() : faker.city()), faker.phone(home.city()), organisation,
                faker.company(), firm.office(), draw.one(firm.attorneys()), draw.one(firm.paralegals()),
                draw.one(other.attorneys()), other.office(), people, draw.chance(0.7) ? home.city() : faker.city(), incident);
    }
}
