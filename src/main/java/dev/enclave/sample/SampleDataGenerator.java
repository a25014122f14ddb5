package dev.enclave.sample;

import dev.enclave.deid.PhiType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates Enclave's synthetic sample data: clinical notes labelled by specialty and legal case files labelled by
 * case type, each with gold PHI spans. The same seed always gives byte-identical files.
 */
public final class SampleDataGenerator {
    public static final String CLINICAL_NOTES = "clinical-notes.csv";
    public static final String CLINICAL_GOLD = "clinical-notes.gold.jsonl";
    public static final String LEGAL_CASES = "legal-cases.csv";
    public static final String LEGAL_GOLD = "legal-cases.gold.jsonl";

    static final int PATIENTS = 340;
    static final int MIN_NOTES = 2260;
    static final int MATTERS = 330;
    static final int MIN_CASES = 1130;

    private static final LocalDate FIRST_VISITS = LocalDate.of(2021, 1, 4);
    private static final LocalDate FIRST_INCIDENTS = LocalDate.of(2019, 1, 1);

    private SampleDataGenerator() {
    }

    /** Writes the four sample files into {@code outDir} (created if missing) and returns what was written. */
    public static Summary generate(Path outDir, long seed) throws IOException {
        Files.createDirectories(outDir);
        Draw root = Draw.seeded(seed);
        Draw clinicalDraw = root.split();
        Draw legalDraw = root.split();
        Map<PhiType, Integer> spans = new EnumMap<>(PhiType.class);
        for (PhiType type : PhiType.values()) {
            spans.put(type, 0);
        }

        List<CorpusWriter.Row> notes = clinicalNotes(clinicalDraw);
        CorpusWriter.write(outDir.resolve(CLINICAL_NOTES), outDir.resolve(CLINICAL_GOLD),
                List.of("note_id", "patient_id", "note_type", "specialty", "text"), notes);
        List<CorpusWriter.Row> cases = legalCases(legalDraw);
        CorpusWriter.write(outDir.resolve(LEGAL_CASES), outDir.resolve(LEGAL_GOLD),
                List.of("case_id", "matter_id", "case_type", "text"), cases);

        for (List<CorpusWriter.Row> rows : List.of(notes, cases)) {
            for (CorpusWriter.Row row : rows) {
                for (Span span : row.text().spans()) {
                    spans.merge(span.type(), 1, Integer::sum);
                }
            }
        }
        long bytes = 0;
        for (String name : List.of(CLINICAL_NOTES, CLINICAL_GOLD, LEGAL_CASES, LEGAL_GOLD)) {
            bytes += Files.size(outDir.resolve(name));
        }
        return new Summary(notes.size(), distinct(notes, 0), counts(notes, 2), counts(notes, 1), cases.size(),
                distinct(cases, 0), counts(cases, 1), Collections.unmodifiableMap(spans), bytes);
    }

    private static List<CorpusWriter.Row> clinicalNotes(Draw draw) {
        PhiFaker faker = new PhiFaker(draw);
        Mentions mentions = new Mentions(draw, faker);
        ClinicalCast cast = new ClinicalCast(draw, faker);
        ClinicalNoteComposer composer = new ClinicalNoteComposer(draw, faker, mentions, cast);

        List<Specialty> usual = new ArrayList<>(PATIENTS);
        for (int i = 0; i < PATIENTS; i++) {
            usual.add(Specialty.values()[i % Specialty.values().length]);
        }
        draw.shuffle(usual);
        int[] noteCounts = new int[PATIENTS];
        int total = 0;
        for (int i = 0; i < PATIENTS; i++) {
            noteCounts[i] = draw.between(3, 10);
            total += noteCounts[i];
        }
        while (total < MIN_NOTES) {
            noteCounts[draw.between(0, PATIENTS - 1)]++;
            total++;
        }

        List<String[]> meta = new ArrayList<>(total);
        List<AnnotatedText> texts = new ArrayList<>(total);
        for (int i = 0; i < PATIENTS; i++) {
            LocalDate visit = FIRST_VISITS.plusDays(draw.between(0, 1350));
            Patient patient = cast.patient(String.format(Locale.ROOT, "pt-%04d", i + 1), usual.get(i), visit);
            Specialty other = draw.one(List.of(Specialty.values()));
            for (int n = 0; n < noteCounts[i]; n++) {
                NoteType type = NoteType.values()[draw.weighted(22, 17, 16, 15, 18, 12)];
                Specialty label = draw.chance(0.86) || other == patient.specialty() ? patient.specialty() : other;
                boolean ambiguous = draw.chance(0.05);
                boolean namesDepartment = draw.chance(switch (type) {
                    case REFERRAL -> 0.6;
                    case CONSULT -> 0.5;
                    case DISCHARGE -> 0.3;
                    default -> 0.04;
                });
                texts.add(composer.compose(patient, type, label, ambiguous, namesDepartment, visit));
                meta.add(new String[] {patient.id(), type.label(), label.label()});
                visit = visit.plusDays(draw.between(1, 120));
            }
        }
        return shuffledRows(draw, "note-%05d", meta, texts);
    }

    private static List<CorpusWriter.Row> legalCases(Draw draw) {
        PhiFaker faker = new PhiFaker(draw);
        Mentions mentions = new Mentions(draw, faker);
        LegalCast cast = new LegalCast(draw, faker);
        LegalCaseComposer composer = new LegalCaseComposer(draw, faker, mentions);

        List<CaseType> types = new ArrayList<>(MATTERS);
        for (int i = 0; i < MATTERS; i++) {
            types.add(CaseType.values()[i % CaseType.values().length]);
        }
        draw.shuffle(types);
        int[] fileCounts = new int[MATTERS];
        int total = 0;
        for (int i = 0; i < MATTERS; i++) {
            fileCounts[i] = draw.between(2, 5);
            total += fileCounts[i];
        }
        while (total < MIN_CASES) {
            fileCounts[draw.between(0, MATTERS - 1)]++;
            total++;
        }

        List<String[]> meta = new ArrayList<>(total);
        List<AnnotatedText> texts = new ArrayList<>(total);
        LegalCaseComposer.DocumentKind[] kinds = LegalCaseComposer.DocumentKind.values();
        for (int i = 0; i < MATTERS; i++) {
            LocalDate incident = FIRST_INCIDENTS.plusDays(draw.between(0, 2000));
            Matter matter = cast.matter(String.format(Locale.ROOT, "matter-%04d", i + 1), types.get(i), incident);
            LegalCaseComposer.CaseFile file = composer.open(matter);
            LocalDate date = incident.plusDays(draw.between(3, 60));
            for (int n = 0; n < fileCounts[i]; n++) {
                LegalCaseComposer.DocumentKind kind = n == 0 && draw.chance(0.7) ? LegalCaseComposer.DocumentKind.INTAKE
                        : kinds[draw.weighted(1, 3, 2, 3, 1.5, 2)];
                texts.add(file.compose(kind, date));
                meta.add(new String[] {matter.id(), matter.type().label()});
                date = date.plusDays(draw.between(5, 200));
            }
        }
        return shuffledRows(draw, "case-%05d", meta, texts);
    }

    /** Puts documents in random order and numbers them in that order. */
    private static List<CorpusWriter.Row> shuffledRows(Draw draw, String idFormat, List<String[]> meta, List<AnnotatedText> texts) {
        List<Integer> order = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        draw.shuffle(order);
        List<CorpusWriter.Row> rows = new ArrayList<>(texts.size());
        for (int i = 0; i < order.size(); i++) {
            int k = order.get(i);
            rows.add(new CorpusWriter.Row(String.format(Locale.ROOT, idFormat, i + 1), List.of(meta.get(k)), texts.get(k)));
        }
        return rows;
    }

    private static int distinct(List<CorpusWriter.Row> rows, int column) {
        return (int) rows.stream().map(row -> row.columns().get(column)).distinct().count();
    }

    private static Map<String, Integer> counts(List<CorpusWriter.Row> rows, int column) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CorpusWriter.Row row : rows) {
            counts.merge(row.columns().get(column), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }
}
