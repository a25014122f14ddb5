package dev.enclave.sample;

import java.util.List;

/** The vocabulary of legal case files: per matter type, and what all files share. */
final class LegalVocabulary {
    static final List<String> INSURERS = List.of(
            "State Farm", "Allstate", "GEICO", "Progressive", "Liberty Mutual", "Farmers", "USAA", "Nationwide", "Travelers");

    static final List<String> STATUS = List.of(
            "Client is anxious about the timeline and asked whether {he} needs to appear in person.",
            "Reviewed the fee agreement; client signed and returned it by e-mail.",
            "Client prefers text messages after 5 pm; spouse not authorized to receive information.",
            "Explained next steps and likely duration to {him}; no guarantee of outcome.",
            "Client will gather pay stubs, tax returns from {year} and any photos.",
            "Interpreter ([Spanish|Vietnamese|Haitian Creole|Arabic|Mandarin]) used for the full call.",
            "Client missed the last appointment; rescheduled for {later} at {time}.",
            "Conflicts check cleared; no prior representation of any adverse party.",
            "Client asked that mail go to {his} P.O. box rather than home.",
            "Retainer of ${#1500-15000} received and deposited to trust.");

    static final List<String> TEXT_MESSAGES = List.of(
            "call me back please 🙏", "I'm not signing anything until I talk to my lawyer", "where are you??",
            "you'll regret this 😡", "can you pick up the kids at 5", "the money is in the account now 👍",
            "stop texting me", "I'm outside", "sorry about last night", "ok", "they said the check is in the mail 💸");

    static final List<String> PRIVILEGE = List.of(
            "PRIVILEGED & CONFIDENTIAL - ATTORNEY-CLIENT COMMUNICATION", "ATTORNEY WORK PRODUCT - DO NOT PRODUCE",
            "Confidential: prepared in anticipation of litigation", "PRIVILEGED AND CONFIDENTIAL");

    private LegalVocabulary() {
    }

    static CaseLexicon of(CaseType type) {
        return switch (type) {
            case PERSONAL_INJURY -> personalInjury();
            case EMPLOYMENT -> employment();
            case FAMILY -> family();
            case IMMIGRATION -> immigration();
            case CRIMINAL_DEFENSE -> criminalDefense();
            case CONTRACT -> contract();
        };
    }

    private static CaseLexicon personalInjury() {
        return new CaseLexicon(CaseType.PERSONAL_INJURY,
                List.of("On {incident}, {client} was stopped at the light at {crossing} when a [pickup|delivery van|sedan|box truck] driven by {opp} struck {his} car from behind at an estimated {#25-50} mph.",
                        "{Client} slipped on [an unmarked wet floor|spilled detergent|a broken stair tread|ice in the parking lot] at {org} on {incidentDay} at about {time}.",
                        "{Client} was a passenger in a rideshare vehicle (plate {plate}) that ran a stop sign near {crossing}.",
                        "The other vehicle, a [2018|2019|2021] [Ford F-150|Honda Civic|Toyota Camry|Chevy Silverado|Nissan Altima] (VIN {vin}, plate {plate2}), is insured by {insurer} under policy {policy}.",
                        "{Client} was bitten by a dog owned by {opp} while walking past {oppAddress}.",
                        "Police report {report} lists {opp} as at fault; {officer} cited the driver for [following too closely|failure to yield|distracted driving].",
                        "Client's dashcam (serial {device}) recorded the collision; the footage is at {shareUrl}.",
                        "Client's own car, plate {plate}, was declared a total loss by {insurer} (claim {claim})."),
                List.of("Transported by ambulance to {hospital} (MRN {mrn}), where CT showed [a C5-C6 disc herniation|two fractured ribs|a mild traumatic brain injury|a left tibial plateau fracture].",
                        "Treated by {doctor} at {clinic} for {#8-30} sessions of physical therapy.",
                        "{Client} underwent [an L4-L5 fusion|arthroscopic knee surgery|ORIF of the wrist] on {earlier}.",
                        "Medical specials to date: ${#12000-240000}; {payer} (member ID {member}) has asserted a lien of ${#3000-40000}.",
                        "Lost {#3-26} weeks of work as a [warehouse associate|nurse aide|electrician|teacher] at {company}.",
                        "Ongoing headaches and neck pain; client is {clientAge} and was fully active before the crash."),
                List.of("Liability looks clear; expect a comparative fault argument about {his} speed.", "Policy limits ${#25000-250000}; check for underinsured motorist coverage.",
                        "Notice of claim deadline against the city may apply.", "Statute of limitations runs on {later}.",
                        "Premises owner disputes actual or constructive notice of the hazard.", "Defense will point to pre-existing degenerative changes in {year} films."),
                List.of("Q: Did you see the other car before impact? A: \"No, I just heard the brakes and then bang.\"",
                        "{Opp} testified the driver was [checking a text|adjusting the radio|looking at the GPS] \"for maybe a second.\"",
                        "The store manager, {witness}, admitted the spill had been reported \"about twenty minutes earlier.\"",
                        "Witness {witness} ({witnessPhone}) said the light was \"definitely red\" for the truck.",
                        "{Client} described the pain as \"like a knife between my shoulder blades\" for the first week."),
                List.of("Request the 911 audio and CAD report for incident {report}.", "Send a preservation letter for surveillance video to {org}.",
                        "Obtain records and bills from {hospital} (MRN {mrn}) and {clinic}.", "Calendar the SOL: {later}.",
                        "Send the demand package to adjuster {adjuster} at {insurer}, claim {claim}.", "Photograph the scene at {crossing} before repairs."),
                List.of("Settlement posture: demand of ${#25000-900000} pending with {insurer}.", "No offer yet; adjuster {adjuster} asked for updated bills.",
                        "Mediation set for {later} with {mediator}.", "Client authorized settlement at ${#15000-250000}."),
                List.of("I can't even pick up my daughter anymore", "the adjuster keeps calling me at work", "I just want my car fixed and my bills paid",
                        "I didn't even see him coming"));
    }

    private static CaseLexicon employment() {
        return new CaseLexicon(CaseType.EMPLOYMENT,
                List.of("{Client} worked as a [shift supervisor|line cook|account executive|warehouse associate|registered nurse|delivery driver] at {org} from {monthYear} until {he} was terminated on {incident}.",
                        "{His} supervisor, {supervisor}, allegedly made repeated comments about {his} [age|pregnancy|accent|religion|disability], including \"{quote}.\"",
                        "{Client} reported [unpaid overtime|harassment|a safety hazard|illegal wage deductions] to HR manager {hr} by e-mail ({workEmail}) on {shortDate}.",
                        "Employees clock in on a fingerprint scanner; {his} {fingerprint} was stored without written consent.",
                        "Access logs show employee ID {employeeId} signing in from IP {ip} at {time} on {shortDate}, after the alleged misconduct window.",
                        "The company laptop (serial {device}) was taken at the termination meeting with {his} personal files on it.",
                        "EEOC charge no. {eeoc} was filed on {earlier}; the right-to-sue letter issued {shortDate}.",
                        "{Client} posted about the firing at {url}, which {org} now cites as misconduct."),
                List.of("Back pay estimated at ${#18000-95000} through trial.", "Roughly {#200-900} hours of unpaid overtime over {#1-3} years.",
                        "Emotional distress; seeing therapist {doctor} at {clinic} weekly since {monthYear}.",
                        "Lost health coverage; COBRA premium ${#450-1900} per month.", "Denied a promotion on {earlier} that went to a younger coworker."),
                List.of("Possible retaliation claim given the timing of the complaint and the firing.", "Arbitration clause in the offer letter may be unenforceable.",
                        "Employer has more than 15 employees; Title VII and state law apply.", "Biometric privacy claim: no written release, no retention policy.",
                        "Check whether {he} was misclassified as exempt."),
                List.of("{Supervisor} testified that the decision was based on \"performance, nothing else.\"",
                        "Q: Were you ever paid for the time before your shift? A: \"Never. They said it was part of the job.\"",
                        "Coworker {witness} recalls {supervisor} saying \"{quote}\" at a team meeting in {monthYear}.",
                        "HR manager {hr} could not say where the fingerprint data is stored: \"That's handled by the vendor.\""),
                List.of("Request the personnel file and timekeeping data.", "Send a litigation hold letter to {org}.",
                        "Calendar the 90-day deadline to file suit: {later}.", "Interview coworker {witness} at {witnessPhone}.",
                        "Subpoena badge and login records for employee ID {employeeId}."),
                List.of("Settlement posture: employer offered ${#5000-60000} and a neutral reference.", "Mediation set for {later} with {mediator}.",
                        "No offer yet; early neutral evaluation requested.", "Client will not accept less than ${#20000-150000}."),
                List.of("we need younger energy on this team", "you people always take too many breaks", "maybe this job isn't for a new mom",
                        "I was told to clock out and keep working", "nobody ever told me what they do with my fingerprints"));
    }

    private static CaseLexicon family() {
        return new CaseLexicon(CaseType.FAMILY,
                List.of("{Client} and {opp} married on {marriageDate} in {city2} and separated on {shortDate}.",
                        "They have two children: {child} (DOB {childDob}) and {child2} (DOB {child2Dob}), both at {school}.",
                        "{Client} seeks primary physical custody; {opp} now lives at {oppAddress}.",
                        "Marital assets include a joint checking account ending in {acctSuffix} and a 401(k), account {acct}.",
                        "{Opp} posted photos of the children at {url} in violation of the temporary order.",
                        "Child support case {caseId} is open with the state disbursement unit.",
                        "{Client}'s [grandmother|grandfather|great-aunt|mother], {elder}, {elderAge}, lives with the family and needs full-time care; a guardianship petition is being considered.",
                        "An order of protection ({protective}) was entered on {earlier} after an incident at {clientAddress}.",
                        "Text messages from {opp} at {oppPhone} read: \"{textMsg}\"."),
                List.of("The children have missed {#3-14} school days since the separation.", "{Client} pays ${#600-2400} a month in rent alone since moving out.",
                        "{Opp} withdrew ${#4000-38000} from the joint account on {shortDate}.", "Counseling for the older child with {doctor} at {clinic}."),
                List.of("Best-interest factors favor continuity of school and care.", "Dissipation of marital assets claim likely.",
                        "Relocation request would require court approval.", "Possible contempt for violating the temporary order."),
                List.of("Q: Who takes the children to school? A: \"I do, every day, since we separated.\"",
                        "{Opp} testified {oppHe} \"never missed a single visit,\" contradicted by the visitation log.",
                        "Teacher {witness} described the younger child as \"withdrawn since the fall.\"",
                        "{Client} said: \"{quote}.\""),
                List.of("Prepare the financial affidavit and exhibits.", "Subpoena bank records for account {acct}.",
                        "Schedule mediation for {later} with {mediator}.", "Request the guardian ad litem report before {hearing}.",
                        "Serve the petition at {oppAddress}."),
                List.of("Mediation set for {later} with {mediator}.", "Temporary orders hearing {hearing}; parenting plan draft circulated.",
                        "Opposing party proposed a 2-2-3 schedule; client is considering it.", "Settlement conference {hearing} before {judge}."),
                List.of("I just want the kids to feel safe", "he changed the passwords on everything", "she won't let me talk to them on the phone",
                        "I found out about the second account by accident"));
    }

    private static CaseLexicon immigration() {
        return new CaseLexicon(CaseType.IMMIGRATION,
                List.of("{Client} was born in {birthplace} on {dob} and entered the U.S. [through the port of entry at {portCity}|on a B-2 visa|on an F-1 visa|without inspection near {portCity}] on {incident}.",
                        "A-Number {aNumber}; passport {passport} issued by [Guatemala|Honduras|Mexico|India|Nigeria|Venezuela|Ukraine|Haiti].",
                        "The I-94 record {i94} shows admission until {later}.",
                        "USCIS receipt {receipt} for [Form I-130|Form I-485|Form I-765|Form I-589|Form I-751]; biometrics appointment at the {clientCity} ASC on {later}.",
                        "{Client} is currently detained at {jail}, detainee booking no. {booking}.",
                        "{He} fears return because of threats from [a gang|local police|a former partner|political opponents] after {he} [testified against|refused to pay|reported] them in {year}.",
                        "Spouse {opp} is a U.S. citizen; they married on {marriageDate} in {clientCity}.",
                        "FBI fingerprint results ({fingerprint}) show one prior encounter in {year}.",
                        "USCIS captured biometrics on {shortDate}; the notice lists {bio}.",
                        "{Org} filed the employment-based petition; {his} work e-mail is {workEmail}."),
                List.of("Separated from {his} two children, who remain with {his} mother in {birthplace}.",
                        "Lost {his} job at {company} when the work permit lapsed on {shortDate}.",
                        "Treated at {hospital} (MRN {mrn}) for injuries from the assault before {he} fled.",
                        "Paid a notario ${#1500-8000} for a filing that was never submitted."),
                List.of("One-year asylum filing deadline may be an issue; argue changed circumstances.", "Eligible for cancellation of removal if ten years of presence can be shown.",
                        "Bona fide marriage evidence is thin; gather joint bills.", "Prior removal order in {year} may bar adjustment."),
                List.of("Declaration excerpt: \"They told me if I came back they would kill my son.\"",
                        "Q: When did you last see the men who threatened you? A: \"In the market, two days before I left.\"",
                        "Witness {witness} confirmed the couple has lived together at {clientAddress} since {monthYear}.",
                        "{Client} said: \"{quote}.\""),
                List.of("Obtain country conditions reports for {birthplace}.", "FOIA request for the A-file ({aNumber}).",
                        "Collect proof of the joint lease at {clientAddress}.", "File the I-589 before {later}.",
                        "Master calendar hearing {hearing} before Immigration Judge {judgeLast} in {city2}."),
                List.of("Next individual hearing {hearing} before Immigration Judge {judgeLast}.", "Awaiting the USCIS decision; case status checked on {shortDate}.",
                        "Government counsel open to prosecutorial discretion; request sent {shortDate}.", "Request for evidence due {later}."),
                List.of("I only want to work and keep my family safe", "the notario kept my original birth certificate",
                        "I have never been arrested anywhere", "I am afraid to go back"));
    }

    private static CaseLexicon criminalDefense() {
        return new CaseLexicon(CaseType.CRIMINAL_DEFENSE,
                List.of("{Client} was arrested on {dateTime} near {crossing} by {officer} (badge {badge}) and booked at {jail}, booking no. {booking}.",
                        "Charged with [DUI|possession with intent to deliver|burglary|aggravated assault|identity theft|retail theft|reckless driving] under case {docket}.",
                        "Report {report} says the car, a [2015|2017|2020] [Dodge Charger|Honda Accord|Ford Explorer] (plate {plate}), was stopped for [an expired registration|weaving|a broken tail light].",
                        "Breath test result {#0.08-0.19} on instrument serial {device}.",
                        "The crime lab reports a match between {dna} and a swab from the scene; chain of custody is disputed.",
                        "Released on a ${#1000-50000} bond with a GPS ankle monitor, serial {device}.",
                        "Jail intake matched {him} to a prior booking by {bio}.",
                        "Detectives obtained a warrant for {his} phone (IMEI {imei}) and cell-site records.",
                        "The State alleges logins to the complainant's account from IP {ip} on {shortDate}.",
                        "Surveillance video from {org} was produced at {shareUrl}."),
                List.of("Client lost {his} job at {company} after missing shifts while in custody.", "Bond conditions bar contact with {victim}.",
                        "Client has a prior [misdemeanor|traffic] conviction from {year}.", "Immigration consequences must be reviewed before any plea."),
                List.of("Motion to suppress: no reasonable suspicion for the stop.", "Confrontation issue if the analyst does not testify.",
                        "Possible diversion program eligibility.", "Speedy trial clock runs from {earlier}."),
                List.of("{Officer} testified at the preliminary hearing that {client} \"smelled of alcohol\" but admitted no field tests were recorded.",
                        "Alleged victim {victim} told officers \"{quote}.\"",
                        "Q: Did you read him his rights before questioning? A: \"I believe my partner did.\"",
                        "Witness {witness} ({witnessPhone}) says {client} was at {his} house all night."),
                List.of("File the motion to suppress by {later}.", "Request body-cam footage and dispatch logs for report {report}.",
                        "Subpoena calibration records for the breath instrument.", "Arraignment {hearing} before Judge {judgeLast}.",
                        "Review discovery posted at {shareUrl}."),
                List.of("Plea offer: reduced to [reckless driving|a misdemeanor|probation with no jail]; client considering.", "No offer; trial set for {hearing}.",
                        "Pretrial conference {hearing} before {judge}.", "Diversion application submitted on {shortDate}."),
                List.of("I didn't do anything, I was just driving home", "that's not my phone", "the cop never told me why he pulled me over",
                        "I want to go to trial"));
    }

    private static CaseLexicon contract() {
        return new CaseLexicon(CaseType.CONTRACT,
                List.of("{Client}, owner of {company}, contracted with {org} on {incident} for [a kitchen remodel|a roof replacement|custom software|catering services|commercial cleaning|delivery of 400 units of equipment] at ${#8000-450000}.",
                        "{Org}'s contractor license {license} was [expired|suspended|issued to a different entity] at the time.",
                        "A deposit of ${#2000-60000} was wired from account {acct} on {shortDate}; the card ending in {acctSuffix} was charged another ${#500-9000}.",
                        "Work stopped on {shortDate}; the project at {clientAddress} remains unfinished.",
                        "E-mails between {client} ({clientEmail}) and {opp} ({oppEmail}) show the change order was approved.",
                        "The online order was placed from IP {ip}; the listing at {url} promised delivery by {later}.",
                        "{Org} billed {#20-300} hours that the timesheets do not support.",
                        "Payment card {card} was charged twice for invoice {#1000-9999}."),
                List.of("Cost to complete estimated at ${#9000-180000} by a second contractor.", "Lost revenue of ${#4000-90000} while the kitchen was closed.",
                        "Water damage from the open roof on {shortDate}.", "Client's credit line frozen after the disputed charge."),
                List.of("Breach of contract and possible fraud in the inducement.", "Arbitration clause and fee-shifting provision need review.",
                        "Unlicensed contractor may be barred from collecting.", "Mechanic's lien may have been recorded in {county}."),
                List.of("{Opp} wrote: \"We'll finish next week, I promise.\"", "Q: Who approved the change order? A: \"Nobody put it in writing.\"",
                        "Witness {witness}, a subcontractor, says {he} was never paid for the framing.", "{Client} said: \"{quote}.\""),
                List.of("Send a demand letter with a 10-day cure period.", "Search {county} records for a mechanic's lien.",
                        "Review the arbitration clause before filing.", "File suit in {county} if no response by {later}.",
                        "Dispute the duplicate charge on the card ending in {acctSuffix}."),
                List.of("Settlement posture: demand of ${#8000-400000} sent {shortDate}.", "Counterparty offered to finish the work at cost; client declined.",
                        "Arbitration demand filed {shortDate}; hearing {hearing}.", "Mediation set for {later} with {mediator}."),
                List.of("they took the money and disappeared", "I have every text where he promised to finish", "I never signed that change order",
                        "my customers think we went out of business"));
    }
}
