package dev.enclave.sample;

/** The other people a legal matter involves besides the client, the opposing party and the lawyers. */
enum Role {
    WITNESS, COWORKER, CHILD, SECOND_CHILD, OFFICER, DOCTOR, SUPERVISOR, HR_MANAGER, ADJUSTER, ELDER, VICTIM, MEDIATOR, JUDGE
}
