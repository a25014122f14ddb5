package dev.enclave.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.deid.PhiType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
    private static final List<String> FILES = List.of(SampleDataGenerator.CLINICAL_NOTES, SampleDataGenerator.CLINICAL_GOLD,
            SampleDataGenerator.LEGAL_CASES, SampleDataGenerator.LEGAL_GOLD);
    private static final Set<String> SPECIALTIES = Set.of("cardiology", "oncology", "neurology", "orthopedics",
            "gastroenterology", "pulmonology", "endocrinology");
    private static final Map<String, Pattern> DEPARTMENT_WORDS = Map.of(
            "cardiology", Pattern.compile("(?i)\\b(cardiology|cardiologist|cardiac)\\b"),
            "oncology", Pattern.compile("(?i)\\b(oncology|oncologist|oncologic)\\b"),
            "neurology", Pattern.compile("(?i)\\b(neurology|neurologist|neurologic|neurological|neuro)\\b"),
            "orthopedics", Pattern.compile("(?i)\\b(orthopedics?|orthopaedics?|ortho)\\b"),
            "gastroenterology", Pattern.compile("(?i:\\b(gastroenterology|gastroenterologist)\\b)|\\bGI\\b"),
            "pulmonology", Pattern.compile("(?i)\\b(pulmonology|pulmonologist|pulmonary)\\b"),
            "endocrinology", Pattern.compile("(?i)\\b(endocrinology|endocrinologist|endocrine)\\b"));

    @TempDir
    static Path shared;

    private static Summary summary;
    private static LoadedCorpus clinical;
    private static LoadedCorpus legal;

    @BeforeAll
    static void generateOnce() throws IOException {
        summary = SampleDataGenerator.generate(shared, 42);
        clinical = LoadedCorpus.read(shared.resolve(SampleDataGenerator.CLINICAL_NOTES), shared.resolve(SampleDataGenerator.CLINICAL_GOLD));
        legal = LoadedCorpus.read(shared.resolve(SampleDataGenerator.LEGAL_CASES), shared.resolve(SampleDataGenerator.LEGAL_GOLD));
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException {
        Summary second = SampleDataGenerator.generate(again, 42);
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(shared.resolve(file)), Files.readAllBytes(again.resolve(file)), file);
        }
        assertEquals(summary, second);
    }

    @Test
    void differentSeedsGiveDifferentFiles(@TempDir Path other) throws IOException {
        SampleDataGenerator.generate(other, 7);
        for (String file : FILES) {
            assertFalse(Arrays.equals(Files.readAllBytes(shared.resolve(file)), Files.readAllBytes(other.resolve(file))), file);
        }
    }

    @Test
    void committedSampleDataIsWhatSeed42Generates() throws IOException {
        Path committed = Path.of("sample-data");
        for (String file : FILES) {
            assertTrue(Files.exists(committed.resolve(file)), "missing committed " + committed.resolve(file));
            assertArrayEquals(Files.readAllBytes(shared.resolve(file)), Files.readAllBytes(committed.resolve(file)),
                    committed.resolve(file) + " differs from what the generator writes for seed 42; regenerate it");
        }
    }

    @Test
    void headersAndCountsMeetTheMinimums() throws IOException {
        assertEquals(List.of("note_id", "patient_id", "note_type", "specialty", "text"), clinical.header());
        assertEquals(List.of("case_id", "matter_id", "case_type", "text"), legal.header());
        assertTrue(clinical.docs().size() >= 2200, "clinical notes: " + clinical.docs().size());
        assertTrue(legal.docs().size() >= 1100, "legal cases: " + legal.docs().size());
        assertEquals(summary.clinicalNotes(), clinical.docs().size());
        assertEquals(summary.legalCases(), legal.docs().size());
        assertTrue(summary.patients() >= 320, "patients: " + summary.patients());
        assertEquals(summary.patients(), distinct(clinical, "patient_id").size());
        assertEquals(summary.matters(), distinct(legal, "matter_id").size());
        assertEquals(SPECIALTIES, distinct(clinical, "specialty"));
        assertTrue(distinct(clinical, "note_type").containsAll(Set.of("nursing", "discharge", "radiology", "referral")));
        assertTrue(distinct(legal, "case_type").size() >= 5, "case types: " + distinct(legal, "case_type"));
        assertEquals(clinical.docs().size(), Set.copyOf(clinical.docs().stream().map(LoadedCorpus.Doc::id).toList()).size());
        long total = 0;
        for (String file : FILES) {
            total += Files.size(shared.resolve(file));
        }
        assertEquals(summary.bytes(), total);
        assertTrue(total < 4_500_000, "sample data is " + total + " bytes");
    }

    @Test
    void everyPhiKindOccursManyTimes() {
        for (PhiType type : PhiType.values()) {
            int count = summary.spansPerType().get(type);
            assertTrue(count >= 50, type + " occurs only " + count + " times");
        }
        int counted = 0;
        for (LoadedCorpus corpus : List.of(clinical, legal)) {
            for (LoadedCorpus.Doc doc : corpus.docs()) {
                counted += doc.spans().size();
            }
        }
        assertEquals(summary.spansPerType().values().stream().mapToInt(Integer::intValue).sum(), counted);
    }

    @Test
    void goldSpansAreExactSortedAndInsideTheirText() {
        for (LoadedCorpus corpus : List.of(clinical, legal)) {
            for (LoadedCorpus.Doc doc : corpus.docs()) {
                int length = doc.text().codePointCount(0, doc.text().length());
                int previousEnd = 0;
                for (Span span : doc.spans()) {
                    assertTrue(span.start() >= previousEnd, doc.id() + ": spans overlap or are unsorted at " + span.start());
                    assertTrue(span.end() <= length, doc.id() + ": span ends at " + span.end() + " past " + length);
                    String value = doc.slice(span);
                    assertFalse(value.isBlank(), doc.id() + ": blank span at " + span.start());
                    assertEquals(value.strip(), value, doc.id() + ": span at " + span.start() + " has surrounding whitespace");
                    previousEnd = span.end();
                }
            }
        }
    }

    @Test
    void textsAreMultiLineProseWithCommasQuotesAndLineFeedsOnly() {
        for (LoadedCorpus corpus : List.of(clinical, legal)) {
            int multiLine = 0;
            int withQuotes = 0;
            for (LoadedCorpus.Doc doc : corpus.docs()) {
                assertFalse(doc.text().contains("\r"), doc.id() + " contains a carriage return");
                assertFalse(doc.text().contains("{") || doc.text().contains("["), doc.id() + " contains an unexpanded template");
                multiLine += doc.text().contains("\n") ? 1 : 0;
                withQuotes += doc.text().contains("\"") ? 1 : 0;
            }
            assertEquals(corpus.docs().size(), multiLine, "every document spans several lines");
            assertTrue(withQuotes > corpus.docs().size() / 5, "documents with quoted speech: " + withQuotes);
        }
        for (LoadedCorpus.Doc doc : clinical.docs()) {
            int length = doc.text().length();
            assertTrue(length >= 250 && length <= 2200, doc.id() + " is " + length + " characters");
        }
    }

    @Test
    void specialtyIsRarelyNamedInTheNote() {
        int namingLabel = 0;
        int namingDepartment = 0;
        for (LoadedCorpus.Doc doc : clinical.docs()) {
            String label = doc.fields().get("specialty");
            namingLabel += doc.text().toLowerCase(Locale.ROOT).contains(label) ? 1 : 0;
            namingDepartment += DEPARTMENT_WORDS.get(label).matcher(doc.text()).find() ? 1 : 0;
        }
        int notes = clinical.docs().size();
        assertTrue(namingLabel <= notes * 0.30, namingLabel + " of " + notes + " notes name their specialty");
        assertTrue(namingDepartment <= notes * 0.30, namingDepartment + " of " + notes + " notes use a department word");
        assertTrue(namingDepartment > 0, "some referral letters name the department");
    }

    @Test
    void patientsMostlyKeepOneSpecialty() {
        Map<String, List<String>> labelsByPatient = new java.util.TreeMap<>();
        for (LoadedCorpus.Doc doc : clinical.docs()) {
            labelsByPatient.computeIfAbsent(doc.fields().get("patient_id"), k -> new ArrayList<>()).add(doc.fields().get("specialty"));
        }
        int majority = 0;
        for (List<String> labels : labelsByPatient.values()) {
            assertTrue(labels.size() >= 2, "every patient has several notes");
            majority += labels.stream().mapToInt(l -> (int) labels.stream().filter(l::equals).count()).max().orElse(0);
        }
        assertTrue(majority >= clinical.docs().size() * 0.8, "notes in their patient's usual specialty: " + majority);
    }

    @Test
    void agesOver89AreAnnotatedAndYoungerAgesAndBareYearsAreNot() {
        Pattern youngAge = Pattern.compile("\\b([1-8]?\\d)(-year-old| y/o|yo| yo| years old)\\b");
        int plainAges = 0;
        for (LoadedCorpus corpus : List.of(clinical, legal)) {
            for (LoadedCorpus.Doc doc : corpus.docs()) {
                for (Span span : doc.spans()) {
                    String value = doc.slice(span);
                    if (span.type() == PhiType.AGE) {
                        assertTrue(value.startsWith("ninety") || value.equals("90s") || Integer.parseInt(value) > 89,
                                doc.id() + ": AGE span for an age of 89 or less");
                    }
                    if (span.type() == PhiType.DATE) {
                        assertFalse(value.matches("\\d{4}"), doc.id() + ": a bare year is annotated as a date");
                    }
                }
                Matcher ages = youngAge.matcher(doc.text());
                while (ages.find()) {
                    plainAges++;
                }
            }
        }
        assertTrue(plainAges > 500, "unannotated ages of 89 or less: " + plainAges);
    }

    /**
     * Wherever a name, place, facility or contact value that is annotated somewhere in a document occurs again in it
     * as a whole word, that occurrence is annotated too.
     */
    @Test
    void everyOccurrenceOfAnAnnotatedValueIsAnnotated() {
        Set<PhiType> checked = Set.of(PhiType.NAME, PhiType.LOCATION, PhiType.FACILITY, PhiType.EMAIL, PhiType.URL,
                PhiType.PHONE, PhiType.FAX, PhiType.SSN, PhiType.MRN, PhiType.HEALTH_PLAN, PhiType.VEHICLE);
        List<String> misses = new ArrayList<>();
        for (LoadedCorpus corpus : List.of(clinical, legal)) {
            for (LoadedCorpus.Doc doc : corpus.docs()) {
                int[] codePoints = doc.text().codePoints().toArray();
                boolean[] covered = new boolean[codePoints.length];
                Set<String> values = new HashSet<>();
                for (Span span : doc.spans()) {
                    Arrays.fill(covered, span.start(), span.end(), true);
                    String value = doc.slice(span);
                    if (checked.contains(span.type()) && value.length() >= 3) {
                        values.add(value);
                    }
                }
                for (String value : values) {
                    Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])").matcher(doc.text());
                    while (matcher.find()) {
                        int start = doc.text().codePointCount(0, matcher.start());
                        if (!covered[start]) {
                            misses.add(doc.id() + " at " + start);
                        }
                    }
                }
            }
        }
        assertTrue(misses.isEmpty(), "unannotated occurrences of annotated values: " + misses.subList(0, Math.min(10, misses.size())));
    }

    private static Set<String> distinct(LoadedCorpus corpus, String column) {
        Set<String> values = new HashSet<>();
        for (LoadedCorpus.Doc doc : corpus.docs()) {
            values.add(doc.fields().get(column));
        }
        return values;
    }
}
