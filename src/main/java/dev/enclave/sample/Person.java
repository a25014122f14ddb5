package dev.enclave.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A fake person: given name, optional middle initial (empty when none), surname, sex and date of birth. */
record Person(String first, String middle, String last, Sex sex, LocalDate born) {
    /** Age in whole years on the given date. */
    int ageOn(LocalDate date) {
        return (int) ChronoUnit.YEARS.between(born, date);
    }
}
