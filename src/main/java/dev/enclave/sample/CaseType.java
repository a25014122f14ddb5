package dev.enclave.sample;

import java.util.Locale;

/** Kinds of legal matters; {@link #label()} is the value of the case_type column. */
enum CaseType {
    PERSONAL_INJURY, EMPLOYMENT, FAMILY, IMMIGRATION, CRIMINAL_DEFENSE, CONTRACT;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
