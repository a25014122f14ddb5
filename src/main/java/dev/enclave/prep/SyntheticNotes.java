package dev.enclave.prep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A fast, seeded generator of clinical-note-like CSV for benchmarks, streaming any number of rows: multi-line quoted
 * texts of about 900 characters with names, dates, phone numbers and record numbers for de-identification to find, a
 * specialty label (mostly the patient's own), about six notes per patient, 1% exact and 1% near duplicates of recent
 * notes. Columns: {@code note_id, patient_id, specialty, text}. Not the sample data (see {@code enclave sample-data}).
 */
public final class SyntheticNotes {
    /** The labels, in spec order. */
    public static final List<String> SPECIALTIES = List.of("cardiology", "oncology", "neurology", "orthopedics",
            "gastroenterology", "pulmonology", "endocrinology");

    private static final String[] FIRST = {"Maria", "James", "Linh", "Omar", "Grace", "Dmitri", "Aisha", "Carlos",
        "Hannah", "Kenji", "Fatima", "Peter", "Sofia", "Tunde", "Ingrid", "Rahul", "Chloe", "Mateo", "Yara", "Victor"};
    private static final String[] LAST = {"Alvarez", "Nguyen", "Okafor", "Schmidt", "Haddad", "Kowalski", "Tanaka",
        "Brennan", "Moreau", "Patel", "Lindqvist", "Osei", "Romano", "Fischer", "Abdullah", "Park", "Duarte", "Walsh"};
    private static final String[] CITIES = {"Springfield", "Riverton", "Lakeside", "Fairview", "Greenville",
        "Oak Park", "Millbrook", "Cedar Falls", "Brookhaven", "Westfield"};
    private static final String[] TYPES = {"Progress", "Consult", "Discharge", "Referral", "Nursing", "Telephone"};
    private static final String[][] FINDINGS = {
        {"chest pain on exertion relieved by rest", "troponin negative times two", "echo shows an ejection fraction of",
            "started on metoprolol and aspirin", "stress test scheduled", "atrial fibrillation rate controlled"},
        {"new mass on the CT scan", "biopsy confirms adenocarcinoma", "cycle of chemotherapy completed",
            "neutrophil count recovering", "tumor board discussed staging", "port site clean and intact"},
        {"intermittent headaches with aura", "MRI brain without acute findings", "seizure free on levetiracetam",
            "left sided weakness improving", "EEG shows no epileptiform activity", "gait unsteady with a wide base"},
        {"knee pain after a fall", "x-ray shows a displaced fracture", "range of motion limited by pain",
            "physical therapy twice weekly", "cast removed and skin intact", "weight bearing as tolerated"},
        {"epigastric pain after meals", "colonoscopy shows two small polyps", "liver enzymes mildly elevated",
            "tolerating a soft diet", "started on a proton pump inhibitor", "no blood in the stool"},
        {"shortness of breath with wheezing", "chest x-ray shows a right lower lobe infiltrate",
            "spirometry consistent with obstruction", "oxygen weaned to room air", "inhaler technique reviewed",
            "sleep study ordered"},
        {"blood sugars running high in the evening", "A1c improved since the last visit", "thyroid nodule on ultrasound",
            "insulin dose adjusted", "no hypoglycemic episodes", "foot exam normal"}};
    private static final String[] COMMON = {"Patient reports feeling better today", "Vitals stable and afebrile",
        "Discussed the plan with the family", "Medications reconciled", "Denies nausea or vomiting",
        "Sleeping well at night", "Ambulating in the hallway with assistance", "Follow up in clinic as scheduled",
        "Labs reviewed and unremarkable", "Pain controlled with acetaminophen", "Allergies reviewed, none new",
        "Advised to call with any worsening symptoms"};

    private SyntheticNotes() {}

    /** Writes {@code rows} notes to {@code file}, the same bytes for the same {@code rows} and {@code seed}. */
    public static void write(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long patients = Math.max(1, rows / 6);
        String[] recent = new String[64];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("note_id,patient_id,specialty,text\n");
            for (long i = 0; i < rows; i++) {
                long patient = random.nextLong(patients);
                int specialty = random.nextInt(100) < 85 ? (int) (patient % SPECIALTIES.size())
                        : random.nextInt(SPECIALTIES.size());
                int roll = random.nextInt(100);
                String previous = recent[random.nextInt(recent.length)];
                String text = roll == 0 && previous != null ? previous
                        : roll == 1 && previous != null ? previous + " Addendum: reviewed again."
                        : note(random, patient, specialty);
                recent[(int) (i % recent.length)] = text;
                out.write(String.format(Locale.ROOT, "note-%08d,pt-%07d,%s,\"", i + 1, patient,
                        SPECIALTIES.get(specialty)));
                out.write(text.replace("\"", "\"\""));
                out.write("\"\n");
            }
        }
    }

    private static String note(SplittableRandom random, long patient, int specialty) {
        StringBuilder text = new StringBuilder(1100);
        String first = FIRST[(int) (patient % FIRST.length)];
        String last = LAST[(int) (patient / FIRST.length % LAST.length)];
        text.append(TYPES[random.nextInt(TYPES.length)]).append(" note ").append(date(random)).append(" - ")
                .append(first).append(' ').append(last).append(" (DOB ").append(date(random)).append("), MRN ")
                .append(10_000_000 + random.nextInt(89_999_999)).append('\n')
                .append("Phone ").append(200 + random.nextInt(700)).append('-').append(200 + random.nextInt(700))
                .append('-').append(1000 + random.nextInt(9000)).append(". Lives in ")
                .append(CITIES[random.nextInt(CITIES.length)]).append(".\n");
        int sentences = 10 + random.nextInt(7);
        for (int s = 0; s < sentences; s++) {
            String sentence = random.nextInt(10) < 6 ? FINDINGS[specialty][random.nextInt(6)]
                    : COMMON[random.nextInt(COMMON.length)];
            text.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length());
            if (random.nextInt(3) == 0) {
                text.append(", measured at ").append(random.nextInt(200)).append('.').append(random.nextInt(10));
            }
            if (random.nextInt(8) == 0) {
                text.append(" (\"").append(COMMON[random.nextInt(COMMON.length)].toLowerCase(Locale.ROOT))
                        .append("\", per ").append(FIRST[random.nextInt(FIRST.length)]).append(')');
            }
            text.append(s % 4 == 3 ? ".\n" : ". ");
        }
        text.append("Seen by Dr. ").append(LAST[random.nextInt(LAST.length)]).append('.');
        return text.toString();
    }

    private static String date(SplittableRandom random) {
        return String.format(Locale.ROOT, "%02d/%02d/%d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                1940 + random.nextInt(85));
    }
}
