package dev.enclave.sample;

/** A fake street address: street line, unit (empty when none), city and ZIP code with its +4 extension. */
record Residence(String street, String unit, City city, String zip, String zip4) {
}
