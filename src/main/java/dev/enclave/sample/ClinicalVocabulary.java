package dev.enclave.sample;

import java.util.List;

/**
 * Content every clinical note shares whatever its specialty: vitals, nursing care, social history, general
 * comorbidities, allergies, review of systems, incidental findings. It is what keeps the label from being obvious.
 */
final class ClinicalVocabulary {
    static final List<String> VITALS = List.of(
            "BP {#96-178}/{#52-104}, HR {#54-122}, RR {#12-26}, T {#97.0-101.4} F, SpO2 {#88-100}% [on RA|on room air|on {#2-4} L NC]",
            "T {#36.1-38.6} C | P {#54-122} | R {#12-26} | BP {#96-178}/{#52-104} | O2 sat {#88-100}%",
            "VS: {#96-178}/{#52-104}, {#54-122}, {#12-26}, {#97.0-101.4}, {#88-100}% RA",
            "Vitals stable: afebrile, BP {#100-150}/{#60-90}, HR {#60-100}, sat {#93-99}%",
            "Temp {#97.0-100.4}, pulse {#54-110}, resp {#14-22}, BP {#100-170}/{#58-96}, pain {#0-8}/10",
            "BP {#104-168}/{#60-98} (sitting), {#92-150}/{#54-90} (standing); HR {#58-110}; Wt {#48-140} kg");

    static final List<String> NURSING = List.of(
            "Turned and repositioned q2h, skin intact, heels offloaded.",
            "Fall precautions in place: bed low and locked, call light within reach, non-skid socks on.",
            "PIV 20G [left|right] forearm, site clean, dry and intact, flushed without difficulty.",
            "IV pump ID {device} verified during the two-RN check.",
            "Voiding without difficulty, urine clear yellow.",
            "Tolerated [regular|heart-healthy|carb-consistent|soft|clear liquid] diet, ate {#25-100}% of breakfast.",
            "Pain {#0-9}/10, [acetaminophen|oxycodone] given with good effect.",
            "Slept most of the night, up to the bathroom x{#1-3} with standby assist.",
            "Bath given, linens changed, oral care done.",
            "Identity verified with two identifiers and {bio}.",
            "Bedside commode used x{#1-3}, no difficulty.",
            "Call light within reach; verbalizes understanding of the plan.",
            "Medicated per MAR, no adverse reactions noted.",
            "Skin: stage [1|2] pressure injury on the sacrum, foam dressing applied.",
            "Denies nausea; last BM {shortDate}.",
            "Belongings: wallet, phone and car keys (plate {plate}) sent home with family.",
            "Up in chair for {#1-3} hours, tolerated well.",
            "Bladder scan {#80-520} mL, [straight cath done|voided after].",
            "Hourly rounding completed; no needs voiced.",
            "Call-light use reinforced; impulsive at times.");

    static final List<String> SOCIAL = List.of(
            "Lives [alone|with spouse|with daughter|with son and daughter-in-law|with a roommate] in [a single-story home|a second-floor apartment|an assisted living facility|a mobile home] in {city}.",
            "Retired [teacher|machinist|bus driver|nurse|farmer|accountant|postal worker|electrician|pastor|welder].",
            "Works as a [cashier|truck driver|software engineer|home health aide|line cook|construction worker|paralegal|hair stylist|janitor|barista].",
            "[Never smoker|Former smoker, quit in {year}|Current smoker, {#0.5-2.0} ppd|Smokes {#3-10} cigarettes daily]; [no alcohol|occasional wine|{#2-6} beers on weekends|social alcohol]; [denies drug use|remote marijuana use|no illicit drugs].",
            "Independent in ADLs, [uses a cane|uses a walker|no assistive device].",
            "Primary language [Spanish|Vietnamese|Mandarin|Arabic|English|Tagalog|Haitian Creole|Russian|Somali], interpreter [used|declined|not needed].",
            "{Relation} {relName} is the health care proxy, reachable at {relPhone}.",
            "{His} {relation}, {relAge}, lives in the same household and depends on {him} for meals.",
            "Born in {birthplace}, moved to {city} in {year}.",
            "Moved to {county} in {year} to be near family.",
            "Goes to church and volunteers at a food pantry; limited income, lost insurance in {year}.",
            "Home health aide visits {#2-5} times weekly; grandson helps with groceries.",
            "Lives off {street}; {his} {relation} {relName} drives {him} to appointments.");

    static final List<String> COMORBIDITIES = List.of(
            "hypertension on [lisinopril 20 mg daily|amlodipine 5 mg daily|losartan 50 mg daily|HCTZ 25 mg daily]",
            "hyperlipidemia on [atorvastatin 20 mg|rosuvastatin 10 mg|simvastatin 40 mg]",
            "obesity (BMI {#31-44})", "depression on sertraline [50|100] mg daily", "generalized anxiety disorder",
            "CKD stage [3a|3b] (Cr {#1.3-2.2})", "BPH on tamsulosin 0.4 mg", "gout on allopurinol 100 mg",
            "anemia of chronic disease", "glaucoma on latanoprost drops", "hearing loss, wears aids", "insomnia on melatonin",
            "vitamin D deficiency", "tobacco use disorder", "chronic kidney stones", "seasonal allergies on loratadine",
            "PTSD", "bipolar disorder on lithium", "recurrent UTIs", "psoriasis", "rheumatoid arthritis on methotrexate",
            "HIV, undetectable on bictegravir/emtricitabine/tenofovir", "hepatitis C, treated in {year}", "macular degeneration");

    static final List<String> ALLERGIES = List.of(
            "NKDA", "PCN (rash)", "sulfa (hives)", "codeine (nausea)", "iodinated contrast (hives), premedicate",
            "shellfish", "latex", "morphine (itching)", "lisinopril (angioedema)", "No known allergies", "vancomycin (red man)",
            "cephalexin (rash)");

    static final List<String> REVIEW = List.of(
            "ROS otherwise negative except as in HPI.", "Denies fever, chills or weight change.", "Denies dysuria or hematuria.",
            "No rash or itching.", "10-point ROS negative.", "Endorses poor sleep and low mood.", "Denies falls at home.",
            "Reports chronic knee aches, unchanged.", "Denies recent travel or sick contacts.");

    static final List<String> GENERAL_EXAM = List.of(
            "Gen: NAD, alert and oriented x3.", "HEENT: normocephalic, MMM, oropharynx clear.", "Skin: warm and dry, no rash.",
            "Psych: appropriate mood and affect.", "Abd: soft, non-tender, non-distended.", "Ext: no clubbing or cyanosis.",
            "Gen: elderly, frail, in mild distress.", "Neck: supple, no lymphadenopathy.", "Lungs clear bilaterally.",
            "RRR, no murmurs.", "Gen: well appearing, conversant.", "Skin: bruising on forearms from prior blood draws.");

    static final List<String> QUOTES = List.of(
            "I just want to go home", "I'm fine, stop fussing over me", "nobody told me why I'm still here",
            "please call my daughter", "I haven't slept a wink", "the food here is terrible",
            "I don't like taking all these pills", "I'm scared", "I'm starving, I want real food", "my insurance won't cover that",
            "I've been through worse", "don't tell my wife, she worries");

    static final List<String> PLANS = List.of(
            "Continue home medications except as noted.", "PT/OT evaluation.", "DVT prophylaxis with heparin 5000 units SC q8h.",
            "Code status: [full code|DNR/DNI|DNR, OK to intubate].", "Dispo: [home with home health|SNF placement|home when medically stable|acute rehab].",
            "Case management following for discharge needs.", "Pneumococcal vaccine offered.", "Medication reconciliation completed.",
            "Social work to assist with transportation and pharmacy costs.", "Diet as tolerated; encourage ambulation.",
            "Pain control with scheduled acetaminophen, avoid NSAIDs given CKD.");

    static final List<String> EDUCATION = List.of(
            "Discussed warning signs that require return to the ED.", "Teach-back used; verbalized understanding.",
            "Medication schedule reviewed with {relation}.", "Written instructions provided in [Spanish|English|Vietnamese|Arabic].",
            "Questions answered; agrees with the plan.", "Pill organizer set up with {relation}.");

    static final List<String> INCIDENTAL = List.of(
            "Mild degenerative changes of the thoracic spine.", "Atherosclerotic calcification of the aorta.", "Small hiatal hernia.",
            "Simple renal cyst, no follow-up needed.", "Cholelithiasis without signs of inflammation.", "Old healed rib fractures.",
            "Mild bibasilar atelectasis.", "Diverticulosis without diverticulitis.", "Thyroid appears normal in size.",
            "No free air.", "Osteopenia.", "Prior cholecystectomy clips.");

    static final List<String> HOME_MEDS = List.of(
            "lisinopril 20 mg daily", "amlodipine [5|10] mg daily", "losartan 50 mg daily", "atorvastatin 20 mg nightly",
            "sertraline [50|100] mg daily", "tamsulosin 0.4 mg nightly", "allopurinol 100 mg daily", "vitamin D3 2000 IU daily",
            "acetaminophen 650 mg q6h PRN", "melatonin 3 mg at bedtime", "omeprazole 20 mg daily", "loratadine 10 mg daily",
            "multivitamin daily", "docusate 100 mg BID", "trazodone 50 mg nightly", "latanoprost 1 drop each eye nightly",
            "hydrochlorothiazide 25 mg daily", "fluoxetine 20 mg daily", "senna 8.6 mg nightly", "ferrous sulfate 325 mg daily");

    static final List<String> PAYERS = List.of(
            "Medicare", "Medicaid", "BCBS", "Aetna", "UnitedHealthcare", "Cigna", "Humana", "Tricare", "Molina", "Ambetter");

    static final List<String> RELATIONS = List.of(
            "daughter", "son", "wife", "husband", "sister", "brother", "niece", "nephew", "granddaughter", "partner", "mother", "father");

    private ClinicalVocabulary() {
    }
}
