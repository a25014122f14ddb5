package dev.enclave.sample;

import dev.enclave.deid.PhiType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Composes the files of a legal matter: intake memos, letters, deposition summaries, call logs, declarations and
 * status memos. Identifiers of a matter (docket, claim, A-Number, plate...) are drawn once per matter and repeated
 * in its files; their surface forms and the surrounding prose vary.
 */
final class LegalCaseComposer {
    /** Kinds of documents in a case file. */
    enum DocumentKind { INTAKE, LETTER, DEPOSITION, CALL_LOG, DECLARATION, MEMO }

    /** Files shorter than this (in code points) get optional sections until they are not. */
    private static final int MINIMUM_LENGTH = 280;
    private static final Map<DocumentKind, List<Section>> LAYOUTS = layouts();

    private final Draw draw;
    private final PhiFaker faker;
    private final Mentions mentions;
    private final Map<CaseType, CaseLexicon> lexicons = new EnumMap<>(CaseType.class);

    LegalCaseComposer(Draw draw, PhiFaker faker, Mentions mentions) {
        this.draw = draw;
        this.faker = faker;
        this.mentions = mentions;
        for (CaseType type : CaseType.values()) {
            lexicons.put(type, LegalVocabulary.of(type));
        }
    }

    /** Opens the file of a matter; documents composed from it share the matter's identifiers. */
    CaseFile open(Matter matter) {
        return new CaseFile(matter);
    }

    /** The documents of one matter. */
    final class CaseFile {
        private final Matter matter;
        private final Map<String, Phi> identifiers = new HashMap<>();

        private CaseFile(Matter matter) {
            this.matter = matter;
        }

        AnnotatedText compose(DocumentKind kind, LocalDate date) {
            Document document = new Document(this, date);
            int budget = 300 + (int) (1400 * Math.pow(draw.unit(), 1.5));
            return Section.render(LAYOUTS.get(kind), MINIMUM_LENGTH, budget, 0.03, draw, document);
        }

        /** The matter's value for an identifier slot, drawn the first time it is asked for. */
        Phi identifier(String key) {
            Phi value = identifiers.get(key);
            if (value == null) {
                value = newIdentifier(key);
                identifiers.put(key, value);
            }
            return value;
        }

        private Phi newIdentifier(String key) {
            int year = matter.incident().getYear();
            return switch (key) {
                case "docket" -> faker.docket(year, matter.type());
                case "claim" -> faker.claimNumber(year);
                case "policy" -> faker.policyNumber();
                case "report" -> faker.reportNumber(year);
                case "booking" -> faker.bookingNumber();
                case "aNumber" -> faker.alienNumber();
                case "receipt" -> faker.receiptNumber();
                case "passport" -> faker.passportNumber();
                case "i94" -> faker.i94Number();
                case "employeeId" -> faker.employeeId();
                case "eeoc" -> new Phi(draw.between(400, 899) + "-" + year + "-" + draw.digits(5), PhiType.OTHER_ID);
                case "protective" -> new Phi(draw.oneOf("OP-", "DV-", "PO ") + (year % 100) + "-" + draw.number(5), PhiType.OTHER_ID);
                case "caseId" -> new Phi(draw.oneOf("CS", "IV-D ", "") + draw.number(9), PhiType.OTHER_ID);
                case "badge" -> faker.badgeNumber();
                case "mrn" -> faker.mrn();
                case "member" -> faker.healthPlanId();
                case "acct" -> faker.account();
                case "acctSuffix" -> faker.accountSuffix();
                case "card" -> faker.cardNumber();
                case "plate" -> faker.plate();
                case "plate2" -> faker.plate();
                case "vin" -> faker.vin();
                case "imei" -> faker.imei();
                case "ssn" -> faker.ssn();
                case "dl" -> faker.driversLicense();
                case "license" -> faker.professionalLicense();
                case "bar" -> faker.barNumber();
                case "url" -> faker.socialUrl(draw.chance(0.6) ? matter.client() : matter.opposing());
                case "fingerprint" -> faker.biometric(PhiFaker.BiometricKind.FINGERPRINT);
                case "dna" -> faker.biometric(PhiFaker.BiometricKind.DNA);
                case "workEmail" -> faker.email(matter.client(), matter.organisation());
                case "oppEmail" -> faker.email(matter.opposing());
                case "ocEmail" -> faker.email(matter.opposingCounsel(), matter.opposingFirm());
                case "witnessPhone" -> faker.phone(matter.home().city());
                case "birthplace" -> faker.foreignCity();
                case "portCity" -> new Phi(draw.oneOf("San Ysidro", "Laredo", "Nogales", "El Paso", "Brownsville", "Calexico", "Miami", "Newark"), PhiType.LOCATION);
                case "hospital" -> new Phi(faker.hospital().name(), PhiType.FACILITY);
                case "clinic" -> new Phi(faker.clinic().name(), PhiType.FACILITY);
                case "school" -> new Phi(faker.school().name(), PhiType.FACILITY);
                case "jail" -> new Phi(faker.detentionCenter().name(), PhiType.FACILITY);
                case "city2" -> faker.city(faker.city());
                default -> throw new IllegalArgumentException("unknown legal identifier {" + key + "}");
            };
        }
    }

    /** One document while it is written, and the slots its templates use. */
    private final class Document implements Template.Slots {
        private final CaseFile file;
        private final Matter matter;
        private final CaseLexicon lexicon;
        private final LocalDate date;
        private final LocalTime time;
        private final Deck deck = new Deck(draw);

        Document(CaseFile file, LocalDate date) {
            this.file = file;
            this.matter = file.matter;
            this.lexicon = lexicons.get(matter.type());
            this.date = date;
            this.time = LocalTime.of(draw.between(7, 20), draw.between(0, 11) * 5);
        }

        @Override
        public void write(String key, TextBuilder out) {
            Person client = matter.client();
            switch (key) {
                case "client" -> mentions.person(out, client);
                case "clientHeader" -> mentions.header(out, client);
                case "clientFull" -> out.phi(faker.name(client, draw.chance(0.7) ? NameForm.FULL : NameForm.FULL_MIDDLE));
                case "clientTitled" -> mentions.titled(out, client);
                case "clientUpper" -> out.phi(faker.name(client, NameForm.UPPER_FULL));
                case "he" -> out.text(client.sex().subject());
                case "He" -> out.text(Template.capitalise(client.sex().subject()));
                case "his" -> out.text(client.sex().possessive());
                case "His" -> out.text(Template.capitalise(client.sex().possessive()));
                case "him" -> out.text(client.sex().object());
                case "clientAge" -> mentions.ageNoun(out, client.ageOn(date), client.sex());
                case "dob" -> out.phi(faker.birthDate(client.born()));
                case "clientPhone" -> out.phi(matter.phone());
                case "clientEmail" -> out.phi(matter.email());
                case "clientAddress" -> mentions.address(out, matter.home());
                case "clientAddressBlock" -> mentions.addressBlock(out, matter.home());
                case "clientStreet" -> out.phi(faker.streetName(matter.home()));
                case "clientCity" -> out.phi(faker.city(matter.home().city()));
                case "county" -> out.phi(faker.county(matter.court()));
                case "courtCounty" -> out.phi(new Phi(matter.court().county().toUpperCase(Locale.ROOT) + " COUNTY", PhiType.LOCATION));
                case "state" -> out.text(Places.STATE_NAMES.get(matter.court().state()).toUpperCase(Locale.ROOT));
                case "crossing" -> out.phi(new Phi(draw.one(Places.STREETS) + " " + draw.oneOf("St", "Ave", "Rd", "Blvd") + " and "
                        + draw.one(Places.STREETS) + " " + draw.oneOf("St", "Ave", "Street", "Avenue"), PhiType.ADDRESS));
                case "opp" -> mentions.person(out, matter.opposing());
                case "oppUpper" -> out.phi(faker.name(matter.opposing(), NameForm.UPPER_FULL));
                case "oppHe" -> out.text(matter.opposing().sex().subject());
                case "oppAddress" -> mentions.address(out, matter.opposingHome());
                case "oppPhone" -> out.phi(matter.opposingPhone());
                case "org" -> out.phi(new Phi(matter.organisation().name(), PhiType.FACILITY));
                case "company" -> out.phi(new Phi(matter.business().name(), PhiType.FACILITY));
                case "insurer" -> out.text(draw.one(LegalVocabulary.INSURERS));
                case "payer" -> out.text(draw.one(ClinicalVocabulary.PAYERS));
                case "atty" -> mentions.attorney(out, matter.attorney());
                case "attyFull" -> out.phi(faker.name(matter.attorney(), NameForm.FULL));
                case "para" -> mentions.staff(out, matter.paralegal(), draw.oneOf("Paralegal", "paralegal", "Legal Assistant"));
                case "oc" -> mentions.attorney(out, matter.opposingCounsel());
                case "ocFirm" -> out.phi(new Phi(matter.opposingFirm().name(), PhiType.FACILITY));
                case "ocPhone" -> out.phi(matter.opposingFirm().phone());
                case "firm" -> out.phi(new Phi(matter.firm().name(), PhiType.FACILITY));
                case "firmAddress" -> mentions.addressBlock(out, matter.firm().address());
                case "firmPhone" -> out.phi(matter.firm().phone());
                case "firmFax" -> out.phi(matter.firm().fax());
                case "judge" -> out.text(draw.oneOf("Judge ", "the Honorable ", "Hon. ")).phi(faker.name(matter.person(Role.JUDGE), NameForm.FULL));
                case "judgeLast" -> out.phi(faker.name(matter.person(Role.JUDGE), NameForm.LAST));
                case "witness" -> mentions.person(out, matter.person(Role.WITNESS));
                case "child" -> out.phi(faker.name(matter.person(Role.CHILD), draw.chance(0.7) ? NameForm.FIRST : NameForm.FULL));
                case "child2" -> out.phi(faker.name(matter.person(Role.SECOND_CHILD), draw.chance(0.7) ? NameForm.FIRST : NameForm.FULL));
                case "childDob" -> out.phi(faker.birthDate(matter.person(Role.CHILD).born()));
                case "child2Dob" -> out.phi(faker.birthDate(matter.person(Role.SECOND_CHILD).born()));
                case "officer" -> {
                    out.text(draw.oneOf("Officer ", "Ofc. ", "Deputy ", "Trooper ", "Sgt. "));
                    out.phi(faker.name(matter.person(Role.OFFICER), draw.chance(0.7) ? NameForm.LAST : NameForm.FULL));
                }
                case "doctor" -> mentions.clinician(out, matter.person(Role.DOCTOR));
                case "supervisor" -> mentions.person(out, matter.person(Role.SUPERVISOR));
                case "hr" -> mentions.person(out, matter.person(Role.HR_MANAGER));
                case "adjuster" -> mentions.person(out, matter.person(Role.ADJUSTER));
                case "elder" -> mentions.person(out, matter.person(Role.ELDER));
                case "elderAge" -> mentions.ageNoun(out, matter.person(Role.ELDER).ageOn(date), matter.person(Role.ELDER).sex());
                case "victim" -> mentions.person(out, matter.person(Role.VICTIM));
                case "mediator" -> out.phi(faker.name(matter.person(Role.MEDIATOR), NameForm.FULL));
                case "coworker" -> mentions.person(out, matter.person(Role.COWORKER));
                case "matterTitle" -> matterTitle(out);
                case "date" -> out.phi(faker.date(date));
                case "dateTime" -> out.phi(faker.dateTime(LocalDateTime.of(draw.chance(0.5) ? matter.incident() : date, time)));
                case "time" -> out.text(clock());
                case "incident" -> out.phi(faker.date(matter.incident()));
                case "incidentDay" -> mentions.dayMonth(out, matter.incident());
                case "earlier" -> out.phi(faker.date(date.minusDays(draw.between(10, 400))));
                case "later", "hearing" -> out.phi(faker.date(date.plusDays(draw.between(7, 150))));
                case "shortDate" -> mentions.dayMonth(out, date.minusDays(draw.between(1, 40)));
                case "monthYear" -> out.phi(faker.monthYear(date.minusMonths(draw.between(3, 80))));
                case "marriageDate" -> out.phi(faker.date(matter.incident().minusYears(draw.between(2, 25)).minusDays(draw.between(0, 300))));
                case "year" -> out.text(Integer.toString(date.getYear() - draw.between(1, 15)));
                case "device" -> out.phi(faker.deviceSerial());
                case "ip" -> out.phi(faker.ip());
                case "shareUrl" -> out.phi(faker.fileShareUrl());
                case "bio" -> mentions.biometric(out);
                case "fingerprint" -> out.text("fingerprint template ").phi(file.identifier("fingerprint"));
                case "dna" -> out.text(draw.oneOf("DNA profile no. ", "the DNA profile ")).phi(file.identifier("dna"));
                case "fact" -> expand(lexicon.facts(), out);
                case "harm" -> expand(lexicon.harms(), out);
                case "issue" -> expand(lexicon.issues(), out);
                case "testimony" -> expand(lexicon.testimony(), out);
                case "task" -> expand(lexicon.tasks(), out);
                case "posture" -> expand(lexicon.postures(), out);
                case "quote" -> expand(lexicon.quotes(), out);
                case "status" -> expand(LegalVocabulary.STATUS, out);
                case "textMsg" -> out.text(draw.one(LegalVocabulary.TEXT_MESSAGES));
                case "privilege" -> out.text(draw.one(LegalVocabulary.PRIVILEGE));
                case "stateCourt" -> {
                    out.text("SUPERIOR COURT OF " + Places.STATE_NAMES.get(matter.court().state()).toUpperCase(Locale.ROOT) + "\n");
                    out.phi(new Phi("COUNTY OF " + matter.court().county().toUpperCase(Locale.ROOT), PhiType.LOCATION));
                }
                case "caseType" -> out.text(matter.type().label().replace('_', ' '));
                default -> {
                    if (Character.isUpperCase(key.charAt(0))) {
                        Template.capitalised(key, this, out);
                    } else {
                        out.phi(file.identifier(key));
                    }
                }
            }
        }

        private void matterTitle(TextBuilder out) {
            switch (matter.type()) {
                case CRIMINAL_DEFENSE -> out.text(draw.oneOf("State v. ", "People v. ", "United States v. "))
                        .phi(faker.name(matter.client(), draw.chance(0.5) ? NameForm.LAST : NameForm.FULL));
                case IMMIGRATION -> {
                    out.text("In the Matter of ").phi(faker.name(matter.client(), NameForm.FULL)).text(", ");
                    out.phi(file.identifier("aNumber"));
                }
                case FAMILY -> {
                    out.text("In re the Marriage of ").phi(faker.name(matter.client(), NameForm.FULL)).text(" and ");
                    out.phi(faker.name(matter.opposing(), NameForm.FULL));
                }
                case EMPLOYMENT, CONTRACT -> out.phi(faker.name(matter.client(), NameForm.LAST)).text(" v. ")
                        .phi(new Phi(matter.organisation().name(), PhiType.FACILITY));
                default -> out.phi(faker.name(matter.client(), NameForm.LAST)).text(" v. ")
                        .phi(faker.name(matter.opposing(), NameForm.LAST));
            }
        }

        private void expand(List<String> templates, TextBuilder out) {
            Template.expand(deck.next(templates), draw, this, out);
        }

        private String clock() {
            int hour = time.getHour();
            return draw.chance(0.5)
                    ? String.format(Locale.ROOT, "%d:%02d %s", hour % 12 == 0 ? 12 : hour % 12, time.getMinute(), hour < 12 ? "am" : "pm")
                    : String.format(Locale.ROOT, "%02d:%02d", hour, time.getMinute());
        }
    }

    private static Map<DocumentKind, List<Section>> layouts() {
        Map<DocumentKind, List<Section>> layouts = new EnumMap<>(DocumentKind.class);
        layouts.put(DocumentKind.INTAKE, List.of(
                Section.always("{privilege}\nINTAKE MEMO\nTo: {atty}\nFrom: {para}\nDate: {date}\nRe: {matterTitle}",
                        "NEW CLIENT INTAKE - {caseType}\nClient: {clientHeader} | DOB {dob} | Phone {clientPhone} | Email {clientEmail}\nAddress: {clientAddress}",
                        "Intake ({date}) - {clientHeader}\nReferred by [a former client|a web search|{doctor}|the bar referral service]. Cell {clientPhone}."),
                Section.maybe(0.6, "SSN: {ssn}   DL: {dl}   Home: {clientAddress}", "Identity verified with driver's license {dl}; SSN on file {ssn}.", "Client lives off {clientStreet} in {clientCity}; SSN {ssn}.",
                        "Client can be reached at {clientPhone} or {clientEmail}; lives at {clientAddress}."),
                Section.always("FACTS\n{fact} {fact}", "Summary of facts: {fact} {fact} {fact}"),
                Section.maybe(0.8, "{harm} {harm}", "Damages/impact: {harm}"),
                Section.maybe(0.6, "In {his} words: \"{quote}.\"", "Client states \"{quote}\" and is {clientAge}."),
                Section.maybe(0.7, "ISSUES\n- {issue}\n- {issue}", "Preliminary assessment: {issue} {issue}"),
                Section.maybe(0.6, "{status} {status}"),
                Section.always("NEXT STEPS\n1. {task}\n2. {task}\n3. {task}", "To do: {task} {task}\nIntake by {para}, {dateTime}.")));
        layouts.put(DocumentKind.LETTER, List.of(
                Section.always("{firm}\n{firmAddress}\nTel. {firmPhone} | Fax {firmFax}\n\n{date}",
                        "{firm} | {firmPhone} | fax {firmFax}\n{date}\n\nVIA E-MAIL ({clientEmail}) AND U.S. MAIL",
                        "{date}\n\n{clientFull}\n{clientAddressBlock}"),
                Section.maybe(0.8, "Re: {matterTitle}[, Case No. {docket}|, Claim No. {claim}|]", "RE: Our client {clientFull}; date of incident {incident}"),
                Section.always("Dear {clientTitled},", "Dear Counsel:", "Dear {oc}:", "Dear Sir or Madam:"),
                Section.always("[I am writing to update you on|This letter concerns|As we discussed by phone on {shortDate}, here is a summary of] the status of your matter. {fact} {issue}",
                        "This firm represents {clientFull} in connection with the events of {incident}. {fact} {fact}"),
                Section.maybe(0.7, "{harm} {harm}", "[Please note|Be advised] that {issue}"),
                Section.maybe(0.6, "[We ask that you|Please] preserve all records, including video and electronic data. {task}",
                        "Going forward: {task} {task}"),
                Section.maybe(0.5, "Please call me at {firmPhone} or e-mail me if you have questions. {status}",
                        "If you have any questions, contact my paralegal, {para}, directly."),
                Section.always("Very truly yours,\n{attyFull}\nState Bar No. {bar}", "Sincerely,\n{atty}\n{firm}",
                        "Best regards,\n{attyFull}, Esq.\nDirect: {firmPhone}")));
        layouts.put(DocumentKind.DEPOSITION, List.of(
                Section.always("DEPOSITION SUMMARY\nDeponent: [{client}|{witness}|{opp}]\nDate: {date}\nCase: {matterTitle}, No. {docket}\nTaken by: {atty}; defending: {oc} ({ocFirm})",
                        "Summary of deposition of [{client}|{witness}|{opp}] taken {date} at the offices of {firm}. {matterTitle}, Case No. {docket}."),
                Section.always("p. {#3-20}: {testimony}\np. {#21-60}: {testimony}", "{testimony}\n{testimony}"),
                Section.maybe(0.8, "p. {#61-120}: {testimony}", "Exhibit {#1-30}: [photos of the scene|e-mail chain|records from {hospital}|text messages] discussed; {fact}"),
                Section.maybe(0.6, "p. {#121-180}: Deponent confirmed {his} address as {clientAddress} and phone {clientPhone}.",
                        "Deponent gave date of birth {dob} and last four of SSN; counsel objected to further personal identifiers."),
                Section.maybe(0.6, "Assessment: [credible, consistent with records|evasive on key points|helpful on damages|hurt our timeline]. {issue}"),
                Section.always("Summary prepared by {para} on {date}.", "Prepared by {para}.")));
        layouts.put(DocumentKind.CALL_LOG, List.of(
                Section.always("CASE NOTES - {matterTitle}", "Matter {docket} - activity log", "Call log: {clientHeader}"),
                Section.always("{dateTime} - Call with {client} ({clientPhone}). {status} Client said \"{quote}.\"",
                        "{date} {time}: Spoke with {client} at {clientPhone}. {fact}"),
                Section.maybe(0.8, "{date}: Left VM for {oc} at {ocPhone} regarding [discovery|a settlement offer|scheduling|the deposition]. {task}",
                        "{date}: E-mail from {oc} ({ocEmail}) proposing to extend deadlines to {later}."),
                Section.maybe(0.7, "{date}: Received [records|photos|bank statements|the police report] from [{hospital}|{client}|{org}]. {harm}",
                        "{date}: Client texted from {clientPhone}: \"{textMsg}\""),
                Section.maybe(0.6, "{date}: {task} {status}", "{date}: Calendar: hearing {hearing} at {time} before {judge}."),
                Section.always("- {para}", "Entered by {para}", "{atty}")));
        layouts.put(DocumentKind.DECLARATION, List.of(
                Section.always("IN THE [CIRCUIT|SUPERIOR|DISTRICT] COURT OF {courtCounty}, {state}\n{clientUpper}, [Plaintiff|Petitioner],\nv.\n[{oppUpper}|{org}], [Defendant|Respondent].\nCase No. {docket}\nDECLARATION OF {clientUpper}",
                        "{stateCourt}\n{matterTitle}\nCase No. {docket}\nDECLARATION OF {clientUpper} IN SUPPORT OF [MOTION|PETITION]"),
                Section.always("I, {clientFull}, declare:\n1. I am over eighteen years of age and reside at {clientAddress}.\n2. {fact}",
                        "I, {clientFull}, being {clientAge}, state as follows:\n1. I live in {clientCity} and have personal knowledge of these facts.\n2. {fact}"),
                Section.maybe(0.9, "3. {fact}\n4. {harm}", "3. {harm}"),
                Section.maybe(0.6, "5. {quote}, and that is the truth.", "5. My phone number is {clientPhone} and I can be reached there at any time."),
                Section.always("I declare under penalty of perjury that the foregoing is true and correct. Executed on {date} at {clientCity}, {state}.\n\n{clientFull}",
                        "Signed on {date}.\n/s/ {clientFull}")));
        layouts.put(DocumentKind.MEMO, List.of(
                Section.always("{privilege}\nMEMORANDUM\nTO: File\nFROM: {atty}\nDATE: {date}\nRE: {matterTitle} - status",
                        "Status memo {date} ({matterTitle})"),
                Section.always("Background: {fact} {fact}", "{fact} {harm}"),
                Section.maybe(0.8, "Analysis: {issue} {issue}", "Open questions: {issue}"),
                Section.maybe(0.6, "Witnesses: {witness} ({witnessPhone}); {coworker}. {testimony}", "Key testimony: {testimony}"),
                Section.maybe(0.6, "{posture}", "Status: {posture}"),
                Section.always("Action items: {task} {task}", "Next: {task}\n{atty}")));
        return layouts;
    }
}
