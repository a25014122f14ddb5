package dev.enclave.sample;

import java.util.Locale;

/** Styles of clinical notes; {@link #label()} is the value of the note_type column. */
enum NoteType {
    NURSING, DISCHARGE, RADIOLOGY, REFERRAL, PROGRESS, CONSULT;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
