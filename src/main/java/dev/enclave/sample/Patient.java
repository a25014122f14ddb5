package dev.enclave.sample;

import java.util.List;

/**
 * A fake patient and everything about them that stays the same from note to note: identifiers, contacts, usual
 * specialty, the other specialties treating their comorbidities, history (plain text, no PHI), a relative and the
 * primary care physician.
 */
record Patient(
        String id,
        Person person,
        Residence home,
        Phi mrn,
        Phi memberId,
        String payer,
        Phi phone,
        Phi email,
        Phi ssn,
        Phi account,
        Phi plate,
        Phi birthplace,
        Specialty specialty,
        List<Specialty> comorbid,
        List<String> history,
        String allergy,
        Person relative,
        String relation,
        Phi relativePhone,
        Person primaryCare,
        Facility hospital,
        Facility clinic) {
    Patient {
        comorbid = List.copyOf(comorbid);
        history = List.copyOf(history);
    }
}
