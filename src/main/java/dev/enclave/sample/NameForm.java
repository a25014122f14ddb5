package dev.enclave.sample;

/** Surface forms of a person's name; titles and credentials around a name are never part of its span. */
enum NameForm {
    /** Maria Ruiz */
    FULL,
    /** Maria J. Ruiz */
    FULL_MIDDLE,
    /** Ruiz, Maria */
    LAST_FIRST,
    /** RUIZ, MARIA J */
    UPPER_LAST_FIRST,
    /** MARIA RUIZ */
    UPPER_FULL,
    /** M. Ruiz */
    INITIAL_LAST,
    /** Ruiz */
    LAST,
    /** Maria */
    FIRST,
    /** M.R. */
    INITIALS
}
