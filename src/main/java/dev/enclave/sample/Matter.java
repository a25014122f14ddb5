package dev.enclave.sample;

import java.time.LocalDate;
import java.util.Map;

/**
 * A fake legal matter and what stays the same across its files: the client and their contacts, the opposing party,
 * both sides' lawyers, the other people involved by role, the organisation at the centre of it, the court's city
 * and the date things happened.
 */
record Matter(
        String id,
        CaseType type,
        Person client,
        Residence home,
        Phi phone,
        Phi email,
        Person opposing,
        Residence opposingHome,
        Phi opposingPhone,
        Facility organisation,
        Facility business,
        Facility firm,
        Person attorney,
        Person paralegal,
        Person opposingCounsel,
        Facility opposingFirm,
        Map<Role, Person> people,
        City court,
        LocalDate incident) {
    Matter {
        people = Map.copyOf(people);
    }

    Person person(Role role) {
        return people.get(role);
    }
}
