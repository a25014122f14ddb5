package dev.enclave.sample;

import java.util.Locale;

/** The clinical specialties that label the notes; {@link #label()} is the label written to the CSV. */
enum Specialty {
    CARDIOLOGY, ONCOLOGY, NEUROLOGY, ORTHOPEDICS, GASTROENTEROLOGY, PULMONOLOGY, ENDOCRINOLOGY;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The specialty whose content overlaps most with this one, for the deliberately ambiguous notes. */
    Specialty neighbour() {
        return switch (this) {
            case CARDIOLOGY -> PULMONOLOGY;
            case PULMONOLOGY -> CARDIOLOGY;
            case ONCOLOGY -> GASTROENTEROLOGY;
            case GASTROENTEROLOGY -> ONCOLOGY;
            case NEUROLOGY -> ORTHOPEDICS;
            case ORTHOPEDICS -> NEUROLOGY;
            case ENDOCRINOLOGY -> CARDIOLOGY;
        };
    }
}
