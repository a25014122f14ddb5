package dev.enclave.sample;

import dev.enclave.deid.PhiType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Composes one clinical note of a given style about a patient. Much of a note is content that any specialty's note
 * could hold (vitals, nursing care, social history) or that belongs to the specialties treating the patient's
 * comorbidities (history, home medications, some findings, labs and nursing items); the label shows in the
 * complaint, history of present illness, diagnoses, imaging, plans and most findings. Only when {@code mentionsDepartment} is set does
 * the note name the department; an ambiguous note draws its specialty content from two neighbouring specialties.
 */
final class ClinicalNoteComposer {
    /** Share of findings, medications, labs, nursing items and home medications about the patient's comorbidities. */
    private static final double OFF_LABEL_SHARE = 0.3;
    /** Notes shorter than this (in code points) get optional sections until they are not. */
    private static final int MINIMUM_LENGTH = 330;
    private static final Map<NoteType, List<Section>> LAYOUTS = layouts();

    private final Draw draw;
    private final PhiFaker faker;
    private final Mentions mentions;
    private final ClinicalCast cast;
    private final Map<Specialty, SpecialtyLexicon> lexicons = new EnumMap<>(Specialty.class);

    ClinicalNoteComposer(Draw draw, PhiFaker faker, Mentions mentions, ClinicalCast cast) {
        this.draw = draw;
        this.faker = faker;
        this.mentions = mentions;
        this.cast = cast;
        for (Specialty specialty : Specialty.values()) {
            lexicons.put(specialty, SpecialtyLexicons.of(specialty));
        }
    }

    /** A note of the given style about the patient, labelled {@code label}, dated {@code date}. */
    AnnotatedText compose(Patient patient, NoteType type, Specialty label, boolean ambiguous, boolean mentionsDepartment,
            LocalDate date) {
        Note note = new Note(patient, type, label, ambiguous, mentionsDepartment, date);
        return note.render(LAYOUTS.get(type));
    }

    /** The state of one note while it is written, and the slots its templates use. */
    private final class Note implements Template.Slots {
        private final Patient patient;
        private final SpecialtyLexicon lexicon;
        private final SpecialtyLexicon neighbour;
        private final boolean mentionsDepartment;
        private final LocalDate date;
        private final LocalTime time;
        private final LocalDate admitted;
        private final Person attending;
        private final Person consultant;
        private final Person nurse;
        private final Person radiologist;
        private final Facility facility;
        private final Facility elsewhere;
        private final int headerStyle;
        private final Deck deck = new Deck(draw);

        Note(Patient patient, NoteType type, Specialty label, boolean ambiguous, boolean mentionsDepartment, LocalDate date) {
            this.patient = patient;
            this.lexicon = lexicons.get(label);
            this.neighbour = ambiguous ? lexicons.get(label.neighbour()) : null;
            this.mentionsDepartment = mentionsDepartment;
            this.date = date;
            this.time = LocalTime.of(draw.between(0, 23), draw.between(0, 11) * 5);
            this.admitted = type == NoteType.DISCHARGE ? date.minusDays(draw.between(1, 9)) : date.minusDays(draw.between(0, 4));
            this.attending = cast.specialist(label);
            this.consultant = draw.chance(0.5) ? patient.primaryCare() : cast.specialist(draw.one(List.of(Specialty.values())));
            this.nurse = cast.nurse();
            this.radiologist = cast.radiologist();
            this.facility = draw.chance(0.7) ? patient.hospital() : cast.hospital();
            this.elsewhere = draw.chance(0.6) ? patient.clinic() : cast.clinic();
            this.headerStyle = draw.between(0, 3);
        }

        AnnotatedText render(List<Section> layout) {
            int budget = 150 + (int) (1900 * Math.pow(draw.unit(), 2.0));
            return Section.render(layout, MINIMUM_LENGTH, budget, 0.05, draw, this);
        }

        @Override
        public void write(String key, TextBuilder out) {
            if (key.startsWith("H:")) {
                header(key.substring(2), out);
                return;
            }
            switch (key) {
                case "pt" -> mentions.person(out, patient.person());
                case "ptHeader" -> mentions.header(out, patient.person());
                case "ptFirst" -> mentions.first(out, patient.person());
                case "ptTitled" -> mentions.titled(out, patient.person());
                case "he" -> out.text(patient.person().sex().subject());
                case "He" -> out.text(Template.capitalise(patient.person().sex().subject()));
                case "his" -> out.text(patient.person().sex().possessive());
                case "His" -> out.text(Template.capitalise(patient.person().sex().possessive()));
                case "him" -> out.text(patient.person().sex().object());
                case "age" -> mentions.ageAdjective(out, patient.person().ageOn(date));
                case "aAge" -> {
                    int years = patient.person().ageOn(date);
                    out.text(Mentions.article(years));
                    mentions.ageAdjective(out, years);
                }
                case "ageNoun" -> mentions.ageNoun(out, patient.person().ageOn(date), patient.person().sex());
                case "sex" -> out.text(draw.chance(0.6) ? patient.person().sex().noun() : patient.person().sex().adjective());
                case "dob" -> out.phi(faker.birthDate(patient.person().born()));
                case "mrn" -> out.phi(patient.mrn());
                case "member" -> out.phi(patient.memberId());
                case "payer" -> out.text(patient.payer());
                case "acct" -> out.phi(patient.account());
                case "ssn" -> out.phi(patient.ssn());
                case "phone" -> out.phi(patient.phone());
                case "email" -> out.phi(patient.email());
                case "address" -> mentions.address(out, patient.home());
                case "street" -> out.phi(faker.streetName(patient.home()));
                case "city" -> out.phi(faker.city(patient.home().city()));
                case "county" -> out.phi(faker.county(patient.home().city()));
                case "birthplace" -> out.phi(patient.birthplace());
                case "plate" -> out.phi(patient.plate());
                case "portal" -> out.phi(faker.portalUrl(facility));
                case "social" -> expand(ClinicalVocabulary.SOCIAL, out);
                case "date" -> out.phi(faker.date(date));
                case "dateTime" -> out.phi(faker.dateTime(LocalDateTime.of(date, time)));
                case "time" -> out.text(clock(time));
                case "admit" -> out.phi(faker.date(admitted));
                case "admitDay" -> {
                    out.text("on ");
                    mentions.dayMonth(out, admitted);
                }
                case "discharge" -> out.phi(faker.date(date));
                case "earlier" -> out.phi(faker.date(date.minusDays(draw.between(7, 420))));
                case "later" -> out.phi(faker.date(date.plusDays(draw.between(7, 90))));
                case "shortDate" -> mentions.dayMonth(out, date.minusDays(draw.between(1, 20)));
                case "monthYear" -> out.phi(faker.monthYear(date.minusMonths(draw.between(2, 60))));
                case "year" -> out.text(Integer.toString(date.getYear() - draw.between(1, 18)));
                case "dr" -> mentions.clinician(out, attending);
                case "drLast" -> mentions.doctorSurname(out, attending);
                case "dr2" -> mentions.clinician(out, consultant);
                case "pcp" -> mentions.clinician(out, patient.primaryCare());
                case "rn" -> mentions.staff(out, nurse, draw.oneOf("RN", "RN", "RN, BSN", "LPN"));
                case "rn2" -> mentions.staff(out, cast.nurse(), "RN");
                case "rad" -> mentions.clinician(out, radiologist);
                case "cm" -> mentions.staff(out, cast.caseManager(), draw.oneOf("RN CM", "LCSW", "MSW"));
                case "npi" -> out.phi(faker.npi());
                case "dea" -> out.phi(faker.dea(attending));
                case "license" -> out.phi(faker.professionalLicense());
                case "relation" -> out.text(patient.relation());
                case "Relation" -> out.text(Template.capitalise(patient.relation()));
                case "relName" -> mentions.person(out, patient.relative());
                case "relPhone" -> out.phi(patient.relativePhone());
                case "relAge" -> mentions.ageNoun(out, patient.relative().ageOn(date), patient.relative().sex());
                case "facility" -> out.phi(new Phi(facility.name(), PhiType.FACILITY));
                case "facility2" -> out.phi(new Phi(elsewhere.name(), PhiType.FACILITY));
                case "careHome" -> out.phi(new Phi(cast.careHome().name(), PhiType.FACILITY));
                case "facilityPhone" -> out.phi(elsewhere.phone());
                case "fax" -> out.phi(elsewhere.fax());
                case "facilityAddress" -> mentions.addressBlock(out, elsewhere.address());
                case "enc" -> out.phi(faker.encounterNumber());
                case "accession" -> out.phi(faker.accessionNumber());
                case "device" -> out.phi(draw.chance(0.85) ? faker.deviceSerial() : faker.macAddress());
                case "ip" -> out.phi(faker.ip());
                case "bio" -> mentions.biometric(out);
                case "cc" -> specialty(SpecialtyLexicon::complaints, out);
                case "hpi" -> specialty(SpecialtyLexicon::history, out);
                case "anyQuote" -> {
                    if (draw.chance(0.6)) {
                        specialty(SpecialtyLexicon::quotes, out);
                    } else {
                        expand(ClinicalVocabulary.QUOTES, out);
                    }
                }
                case "finding" -> noisy(SpecialtyLexicon::findings, out);
                case "dx" -> specialty(SpecialtyLexicon::diagnoses, out);
                case "med" -> noisy(SpecialtyLexicon::medications, out);
                case "proc" -> specialty(SpecialtyLexicon::procedures, out);
                case "study" -> specialty(SpecialtyLexicon::studies, out);
                case "img" -> specialty(SpecialtyLexicon::imaging, out);
                case "lab" -> noisy(SpecialtyLexicon::labs, out);
                case "plan" -> specialty(SpecialtyLexicon::plans, out);
                case "nurse" -> noisy(SpecialtyLexicon::nursing, out);
                case "dept" -> {
                    if (mentionsDepartment) {
                        out.text(next(lexicon.departments()));
                    } else {
                        out.text(draw.oneOf("the specialty clinic", "our clinic", "the consulting team", "a specialist",
                                "the specialty service", "the outpatient clinic"));
                    }
                }
                case "chronic" -> expand(lexicons.get(comorbid()).chronic(), out);
                case "comorbOne" -> out.text(draw.one(patient.history()));
                case "comorbs" -> out.text(joined(draw.some(patient.history(), draw.between(2, 3))));
                case "comorbList" -> {
                    List<String> items = patient.history();
                    for (int i = 0; i < items.size(); i++) {
                        out.text((i == 0 ? "" : "\n") + draw.oneOf((i + 1) + ". ", "- ", (i + 1) + ") ") + items.get(i));
                    }
                }
                case "homeMed" -> expand(draw.chance(OFF_LABEL_SHARE) ? lexicons.get(comorbid()).medications() : ClinicalVocabulary.HOME_MEDS, out);
                case "allergy" -> out.text(patient.allergy());
                case "vitals" -> expand(ClinicalVocabulary.VITALS, out);
                case "nursing" -> expand(ClinicalVocabulary.NURSING, out);
                case "genQuote" -> expand(ClinicalVocabulary.QUOTES, out);
                case "ros" -> expand(ClinicalVocabulary.REVIEW, out);
                case "genExam" -> expand(ClinicalVocabulary.GENERAL_EXAM, out);
                case "genPlan" -> expand(ClinicalVocabulary.PLANS, out);
                case "edu" -> expand(ClinicalVocabulary.EDUCATION, out);
                case "incidental" -> expand(ClinicalVocabulary.INCIDENTAL, out);
                default -> {
                    if (!Character.isUpperCase(key.charAt(0))) {
                        throw new IllegalArgumentException("unknown clinical slot {" + key + "}");
                    }
                    Template.capitalised(key, this, out);
                }
            }
        }

        private void header(String title, TextBuilder out) {
            switch (headerStyle) {
                case 0 -> out.text(title.toUpperCase(Locale.ROOT) + ":\n");
                case 1 -> out.text(title + ": ");
                case 2 -> out.text(title.toUpperCase(Locale.ROOT) + ": ");
                default -> out.text(title + ":\n");
            }
        }

        private void specialty(Function<SpecialtyLexicon, List<String>> list, TextBuilder out) {
            SpecialtyLexicon source = neighbour != null && draw.chance(0.5) ? neighbour : lexicon;
            Template.expand(next(list.apply(source)), draw, this, out);
        }

        /**
         * Like {@link #specialty} but sometimes from one of the specialties treating the patient's comorbidities:
         * patients are treated for their other conditions too, so findings, medications, labs and nursing items are weaker
         * evidence than complaints, histories, diagnoses, imaging and plans.
         */
        private void noisy(Function<SpecialtyLexicon, List<String>> list, TextBuilder out) {
            if (draw.chance(OFF_LABEL_SHARE)) {
                Template.expand(next(list.apply(lexicons.get(comorbid()))), draw, this, out);
            } else {
                specialty(list, out);
            }
        }

        /** One of the specialties treating the patient's other conditions (never the note's own). */
        private Specialty comorbid() {
            List<Specialty> others = new ArrayList<>(patient.comorbid());
            others.remove(lexicon.specialty());
            return others.isEmpty() ? patient.specialty() : draw.one(others);
        }

        private void expand(List<String> templates, TextBuilder out) {
            Template.expand(next(templates), draw, this, out);
        }

        private String next(List<String> items) {
            return deck.next(items);
        }

        private String clock(LocalTime t) {
            return switch (draw.between(0, 3)) {
                case 0 -> String.format(Locale.ROOT, "%02d%02d", t.getHour(), t.getMinute());
                case 1 -> String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
                case 2 -> String.format(Locale.ROOT, "%d:%02d %s", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, t.getMinute(),
                        t.getHour() < 12 ? "AM" : "PM");
                default -> String.format(Locale.ROOT, "%d:%02d%s", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, t.getMinute(),
                        t.getHour() < 12 ? "am" : "pm");
            };
        }
    }

    private static String joined(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Map<NoteType, List<Section>> layouts() {
        Map<NoteType, List<Section>> layouts = new EnumMap<>(NoteType.class);
        layouts.put(NoteType.NURSING, List.of(
                Section.always("NURSING NOTE - {dateTime}\n{ptHeader}   MRN {mrn}",
                        "RN Shift Assessment [0700-1900|1900-0700|day shift|night shift], {date}\nPatient: {ptHeader} ({age} {sex})",
                        "Nursing progress note, {dateTime}. Pt: {pt}, MRN: {mrn}.",
                        "{date} {time} RN note\n{ptHeader}, DOB {dob}",
                        "Shift summary for {ptHeader} (medical record # {mrn}) - {facility}",
                        "{facility} nursing flowsheet note {dateTime}\n{ptHeader} | DOB {dob} | SSN on file {ssn}"),
                Section.maybe(0.7, "Received report from {rn2} at {time}. {pt} is {aAge} {sex} admitted {admitDay} with {dx}.",
                        "{Pt} is {aAge} {sex} here for {dx}; hospital day {#2-8}.",
                        "Care assumed at {time}. Admitting dx: {dx}. Hx: {comorbs}."),
                Section.always("{H:Vitals}{vitals}", "{H:Vital Signs}{vitals}. {nursing}"),
                Section.always("{H:Assessment}{Nurse}. {nursing} {nursing}", "{Nurse}. {nursing}\n{nursing}"),
                Section.maybe(0.6, "{Pt} [states|stated|reports], \"{anyQuote}.\"", "Pt states \"{anyQuote}\" when asked about the plan.",
                        "When asked how {he} feels, {he} said \"{anyQuote}.\""),
                Section.maybe(0.6, "{nursing} {Nurse}. {nursing}", "- {nursing}\n- {nurse}\n- {nursing}"),
                Section.maybe(0.4, "Family: {Relation} {relName} at bedside [this afternoon|overnight|during rounds]; updated on plan, phone {relPhone}.",
                        "{Relation} called at {time} from {relPhone} asking for updates; [two-factor code verified|privacy code confirmed] before sharing information.",
                        "Case manager {cm} met with {pt} and {relation} about discharge to {careHome}."),
                Section.maybe(0.3, "{social}", "{ros} {nursing}"),
                Section.maybe(0.5, "{time}: {nursing}\n{time}: {Nurse}.\n{time}: {nursing}", "Events: {nursing} {Nurse}. \"{genQuote},\" per pt.", "{ptFirst} [ambulated in the hall|rested most of the shift|was up to the chair] at {time}. {nursing}"),
                Section.maybe(0.4, "{H:Education}{edu} {edu}"),
                Section.maybe(0.5, "{H:Plan}Continue plan of care. {Plan}.", "Plan: {genPlan} Will continue to monitor."),
                Section.always("-- {rn}", "Signed: {rn} {dateTime}", "{rn}, {time}", "{rn}\n{dateTime}")));
        layouts.put(NoteType.DISCHARGE, List.of(
                Section.always("{facility}\nDISCHARGE SUMMARY\nPatient: {ptHeader}    MRN: {mrn}    DOB: {dob}\nAdmitted: {admit}    Discharged: {discharge}\nAttending: {dr}",
                        "DISCHARGE SUMMARY - {facility}\nName: {ptHeader} | MR# {mrn} | Acct {acct}\nAdmission {admit}, discharge {discharge}",
                        "Discharge Summary\n{ptHeader} ({age} {sex}), medical record number {mrn}\nDates of stay: {admit} to {discharge}\nDischarging physician: {dr}",
                        "{facility} Discharge Summary\nPATIENT: {ptHeader}  FIN: {enc}  ADM: {admit}  DC: {discharge}"),
                Section.always("{H:Discharge Diagnoses}1. {Dx}\n2. {ComorbOne}\n3. [{Chronic}|{ComorbOne}]",
                        "{H:Diagnoses}Principal: {dx}. Secondary: {comorbs}."),
                Section.always("{H:Hospital Course}{pt} is {aAge} {sex} with {comorbs} who presented with {cc}. {hpi} [{He} was treated with {med}|Started on {med}] and [improved|stabilized|slowly improved]. {Proc} [was performed {admitDay}|was done during the stay] [without complication|with findings as below].",
                        "{H:Brief HPI and Course}{Cc}. {hpi} {hpi} Treated with {med} and {med}; {proc} on {earlier}."),
                Section.maybe(0.5, "{H:Hospital Course by Problem}# {Dx}: {hpi} {Plan}.\n# {comorbOne}: [stable, home regimen continued|monitored, no changes|held on admission, resumed at discharge].\n# {Chronic}: {genPlan}"),
                Section.maybe(0.4, "{H:Consults}{dr2} ({dept}) saw the patient on {shortDate}: [agreed with the plan|recommended {plan}|signed off].", "{H:Social History}{social} {social}"),
                Section.maybe(0.6, "{H:Pertinent Results}{Lab}; {lab}. {Study}: {img}", "{H:Labs}{Lab}, {lab}, {lab}."),
                Section.maybe(0.5, "{H:Condition at Discharge}[Stable|Improved|Fair], [ambulating independently|ambulating with a walker|bedbound]. {vitals}.",
                        "{H:Exam at Discharge}{vitals}. {Finding}; {genExam}"),
                Section.maybe(0.9, "{H:Discharge Medications}- {med}\n- {med}\n- {homeMed}\n- {homeMed}",
                        "{H:Medications}NEW: {med}. CHANGED: {med}. CONTINUE: {homeMed}, {homeMed}."),
                Section.maybe(0.85, "{H:Follow-up}[Follow up with|See] {pcp} on {later} at {facility2}, {facilityPhone}. [Appointment with {dept} in 2 weeks.|{Dept} follow-up with {dr2} on {later}.]",
                        "{H:Follow-up}{Dept}: {dr2}, {later}. PCP: {pcp} within 1 week; office fax {fax}."),
                Section.maybe(0.6, "{H:Disposition}[Discharged home with {relation} {relName}|Discharged to {careHome}|Home with home health; agency will call {phone}].[ Home address confirmed: {address}.|]",
                        "{H:Disposition}Home. Transportation by {relation}, contact {relPhone}. Patient portal enrollment: {portal}."),
                Section.maybe(0.5, "{H:Instructions}{edu} {genPlan}", "{H:Patient Instructions}{Plan}. {edu}"),
                Section.always("Electronically signed by {dr} on {dateTime}", "{dr}\nDictated {date}, transcribed {dateTime}",
                        "Attending attestation: I saw and examined the patient on the day of discharge. {dr} (NPI {npi})",
                        "{dr}, DEA {dea}\nPrescriptions sent to the pharmacy on {date}.")));
        layouts.put(NoteType.RADIOLOGY, List.of(
                Section.always("EXAM: {study}\nDATE: {dateTime}\nPATIENT: {ptHeader}   MRN: {mrn}   DOB: {dob}\nACCESSION: {accession}\nORDERING: {dr}",
                        "{study} - {date}\nPt: {ptHeader} ({age} {sex}); Acc# {accession}\nReferring physician: {dr} ({facility2})",
                        "{facility} Department of Radiology\nProcedure: {study}   Performed: {dateTime}\nName: {ptHeader}   MR# {mrn}",
                        "{study}\n{ptHeader}   {mrn}   {dateTime}"),
                Section.always("{H:Indication}{Cc}.[ History of {comorbOne}.| {Chronic}.|]", "{H:Clinical History}{age} {sex} with {cc}; {dx} suspected."),
                Section.maybe(0.8, "{H:Comparison}[None.|{earlier}.|Prior study from {earlier} at {facility2}.|Outside images from {monthYear}.]"),
                Section.maybe(0.6, "{H:Technique}[Standard protocol.|Images obtained without IV contrast.|{#60-100} mL iohexol 350 IV.|Multiplanar images were obtained.][ Identity confirmed by {bio}.| Implanted device (serial {device}) confirmed MR-conditional.|]"),
                Section.always("{H:Findings}{img} {img} {incidental} {incidental}", "{H:Findings}{img}\n{incidental}\n{incidental}"),
                Section.maybe(0.4, "{H:Additional Findings}{incidental} {incidental}"),
                Section.always("{H:Impression}1. {img}\n2. {incidental}", "{H:Impression}Findings compatible with {dx}. {incidental}"),
                Section.maybe(0.3, "Critical result discussed with {dr} by phone at {time} on {shortDate}; read back confirmed.",
                        "Results called to {rn2} at {time}."),
                Section.always("Dictated by: {rad}\nSigned: {dateTime}", "Electronically signed: {rad} {dateTime}, workstation {ip}",
                        "{rad}\nFinal report {dateTime}")));
        layouts.put(NoteType.REFERRAL, List.of(
                Section.always("{facility2}\n{facilityAddress}\nTel {facilityPhone}  Fax {fax}\n\n{date}",
                        "REFERRAL[| - {Dept}]\nTo: {dr}, {facility}\nFrom: {pcp}, {facility2}\nDate: {date}\nFax: {fax}",
                        "Date: {date}\nRE: {ptHeader}, DOB {dob}, MRN {mrn}\nReferring provider: {pcp} (NPI {npi})"),
                Section.maybe(0.75, "Dear {drLast},", "Dear Colleague,", "Dear {drLast} and team,"),
                Section.maybe(0.7, "RE: {ptHeader}, DOB {dob}[, MRN {mrn}|, member ID {member}|]", "Patient: {ptHeader}   DOB: {dob}   Phone: {phone}", "Patient: {ptHeader}, DOB {dob}, SSN {ssn}, {payer} member {member}"),
                Section.always("I am referring {ptTitled}, {aAge} {sex}, [to {dept}|for evaluation by {dept}|for your opinion] regarding {cc}. {hpi}",
                        "Thank you for seeing {pt}, {ageNoun}, [who has|with] {cc}. {hpi} {hpi}"),
                Section.maybe(0.8, "{His} history includes {comorbs}. Current medications: {med}, {homeMed}, {homeMed}. Allergies: {allergy}.",
                        "PMH: {comorbs}. Meds: {med}; {homeMed}. {social}"),
                Section.maybe(0.5, "Recent results: {lab}; {study} on {earlier}: {img}", "Workup so far: {lab}, {lab}. {Finding} on my exam."),
                Section.maybe(0.4, "{He} told me, \"{anyQuote}.\"", "In {his} words: \"{anyQuote}.\""),
                Section.maybe(0.4, "{social} {social}", "On exam: {vitals}. {Finding}. {genExam}"),
                Section.maybe(0.7, "[I would appreciate|Please provide] your assessment and recommendations, particularly regarding {plan}.",
                        "I would be grateful if {dept} could see {him} [soon|within 2 weeks|at your earliest convenience]."),
                Section.maybe(0.6, "{His} contact number is {phone}[; insurance {payer}, member ID {member}|].[ Prior authorization reference {enc}.|]",
                        "Best contact: {phone} or {email}. {His} {relation} {relName} ({relPhone}) may also call."),
                Section.always("Sincerely,\n{pcp}\n{facility2}\nPhone {facilityPhone} | Fax {fax}", "Thank you,\n{pcp}, NPI {npi}",
                        "Regards,\n{pcp}\n{facility2}")));
        layouts.put(NoteType.PROGRESS, List.of(
                Section.always("PROGRESS NOTE - {date}\n{ptHeader}, {age} {sex}, MRN {mrn}", "{date} Progress Note ({facility})\nPt: {pt}",
                        "Hospital day {#2-9}, {dateTime}\n{ptHeader}", "Clinic visit {date} - {ptHeader} (DOB {dob})"),
                Section.always("S: {pt} [reports|states|notes] {cc} [is improving|persists|is unchanged|is worse]. \"{anyQuote}.\" {ros}",
                        "Subjective: {Cc}. {hpi} {ros}"),
                Section.maybe(0.5, "Interval events: {nursing} {hpi}", "ROS: {ros} {ros}", "{social}"),
                Section.always("O: {vitals}. {Finding}; {genExam} {genExam} Labs: {lab}, {lab}.",
                        "Objective: {vitals}\n{genExam} {Finding}. {Lab}."),
                Section.always("A: {Dx}[, improving|, stable|, not at goal|]. Also {comorbOne}.", "Assessment: {dx}; {chronic}."),
                Section.always("P: {Plan}. {Plan}. {genPlan}", "Plan:\n- {plan}\n- {plan}\n- {genPlan}"),
                Section.maybe(0.5, "Discussed with {relation} {relName} at {relPhone}.", "Spoke with {pcp} by phone.",
                        "{Pt} joined by video from {ip}; identity confirmed with DOB {dob}.", "Plan reviewed with nursing.",
                        "Message sent through the patient portal ({portal})."),
                Section.always("{dr}", "{dr} {dateTime}", "Seen and examined. {dr}")));
        layouts.put(NoteType.CONSULT, List.of(
                Section.always("CONSULTATION\nDate of service: {date}\nPatient: {ptHeader}  DOB: {dob}  MRN {mrn}\nRequesting physician: {dr2}\nConsultant: {dr}",
                        "Consult note[| ({dept})] - {dateTime}\nAsked by {dr2} to see {ptTitled} for {cc}.",
                        "INPATIENT CONSULT ({facility})\n{ptHeader}, {age} {sex}, MRN {mrn}, acct {acct}"),
                Section.always("{H:HPI}{pt} is {aAge} {sex} with {comorbs} [who presents|admitted {admitDay}|seen in the ED] with {cc}. {hpi} {hpi}",
                        "{H:History of Present Illness}{Cc}. {hpi} \"{anyQuote},\" per {him}."),
                Section.maybe(0.8, "{H:Past Medical History}{comorbList}"),
                Section.maybe(0.7, "{H:Medications}{med}; {homeMed}; {homeMed}", "{H:Home Meds}{homeMed}, {homeMed}, {med}"),
                Section.maybe(0.5, "{H:Allergies}{allergy}"),
                Section.maybe(0.7, "{H:Social History}{social} {social}"),
                Section.maybe(0.4, "{H:Review of Systems}{ros} {ros} {ros}",
                        "{H:Family History}[Mother with {chronic}.|Father died at {#60-88} of {chronic}.|Noncontributory.|Brother with {chronic}; sister healthy.]"),
                Section.always("{H:Exam}{vitals}. {genExam} {Finding}. {Finding}.", "{H:Physical Examination}{vitals}\n{genExam}\n{Finding}."),
                Section.maybe(0.6, "{H:Data}{Lab}; {study}: {img}", "{H:Labs and Imaging}{lab}, {lab}. {img}"),
                Section.always("{H:Assessment and Plan}{age} {sex} with {dx}. {Plan}. {Plan}. [Will follow with you.|We will follow.|{Dept} will continue to follow.]",
                        "{H:Impression}{Dx}.\n{H:Recommendations}1. {Plan}\n2. {Plan}\n3. {genPlan}"),
                Section.always("Thank you for this consult. {dr}", "Thank you for involving us. {dr} (license {license})", "{dr}, NPI {npi}")));
        return layouts;
    }
}
