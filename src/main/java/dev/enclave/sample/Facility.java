package dev.enclave.sample;

/** A fake named facility (hospital, clinic, care home, firm, employer): address, web domain, phone and fax. */
record Facility(String name, Residence address, String domain, Phi phone, Phi fax) {
}
