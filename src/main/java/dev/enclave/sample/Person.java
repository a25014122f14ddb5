package dev.enclave.sample;

import java.time.LocalDate;

/** A fake person: given name, optional middle initial (empty when none), surname, sex and date of birth. */
record Person(String first, String middle, String last, Sex sex, LocalDate born) {
}
