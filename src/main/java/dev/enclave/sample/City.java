package dev.enclave.sample;

/** A real city name used as a fake place: its state, county, first three ZIP digits and telephone area code. */
record City(String name, String state, String county, String zip3, String areaCode) {
}
