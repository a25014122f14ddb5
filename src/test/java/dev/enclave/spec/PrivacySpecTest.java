package dev.enclave.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation.privacy keys: defaults, reading, and errors that name the field. */
class PrivacySpecTest {
    private static final Path FILE = Path.of("pipelines/test.yaml");
    private static final String BASE = """
            version: 1
            name: notes
            seed: 7
            residency:
              allowed_roots: [data]
            data:
              path: data/notes.csv
              columns: {id: id, group: group, text: text, label: label}
              labels: [a, b]
            model:
              path: models/m
            """;

    private static String error(String privacy) {
        return assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, BASE + "evaluation:\n  privacy:\n"
                + privacy.indent(4))).getMessage();
    }

    @Test
    void defaultsAreOnAndWrittenOut() {
        LoadedSpec loaded = SpecLoader.parse(FILE, BASE);
        PrivacySpec privacy = loaded.spec().evaluation().privacy();
        assertEquals(4, privacy.canaries().count());
        assertEquals(8, privacy.canaries().repeats());
        assertEquals(List.of(CanarySpec.Shape.values()), privacy.canaries().shapes());
        assertEquals(1000, privacy.exposureCandidates());
        assertEquals(200, privacy.membershipExamples());
        assertEquals(16.0, privacy.maxExposure());
        assertEquals(0.75, privacy.maxMembershipAuc());
        assertEquals(0, privacy.maxVerbatimCanaries());
        for (String key : new String[] {"privacy:", "canaries:", "repeats:", "exposure_candidates:", "max_exposure:",
            "max_membership_auc:", "max_verbatim_canaries:", "membership_examples:"}) {
            assertTrue(loaded.resolvedYaml().contains(key), key + " in\n" + loaded.resolvedYaml());
        }
        assertEquals(privacy, SpecLoader.parse(FILE, loaded.resolvedYaml()).spec().evaluation().privacy());
    }

    @Test
    void readsEveryKey() {
        PrivacySpec privacy = SpecLoader.parse(FILE, BASE + """
                evaluation:
                  privacy:
                    canaries: {count: 2, repeats: 30, shapes: [ssn, phone]}
                    exposure_candidates: 500
                    membership_examples: 50
                    max_exposure: 8.5
                    max_membership_auc: 0.6
                    max_verbatim_canaries: 1
                """).spec().evaluation().privacy();
        assertEquals(new PrivacySpec(new CanarySpec(2, 30, List.of(CanarySpec.Shape.SSN, CanarySpec.Shape.PHONE)), 500,
                50, 8.5, 0.6, 1), privacy);
        assertFalse(new CanarySpec(0, null, null).enabled());
    }

    @Test
    void badValuesNameTheFieldAndItsLocation() {
        assertTrue(error("max_membership_auc: 0.3").startsWith("pipelines/test.yaml:14:5: evaluation.privacy: "
                + "'max_membership_auc' must be between 0.5 (no leak) and 1 (got 0.3)"), error("max_membership_auc: 0.3"));
        assertTrue(error("max_exposure: -1").contains("evaluation.privacy: 'max_exposure' must be a number of bits"),
                error("max_exposure: -1"));
        assertTrue(error("exposure_candidates: 5").contains("'exposure_candidates' must be at least 10 (got 5)"));
        assertTrue(error("membership_examples: 1").contains("'membership_examples' must be at least 2"));
        assertTrue(error("max_verbatim_canaries: -2").contains("'max_verbatim_canaries' must not be negative"));
        assertTrue(error("canaries: {count: -1}").contains("evaluation.privacy.canaries: 'count' must not be negative"),
                error("canaries: {count: -1}"));
        assertTrue(error("canaries: {repeats: 0}").contains("'repeats' must be positive (got 0)"));
        assertTrue(error("canaries: {shapes: []}").contains("'shapes' must list at least one value"));
        assertTrue(error("canaries: {shapes: [mrn, mrn]}").contains("'shapes' lists a shape twice"));
        String shape = error("canaries: {shapes: [iban]}");
        assertTrue(shape.contains("evaluation.privacy.canaries.shapes[0]") && shape.contains("iban"), shape);
        String unknown = error("max_exposur: 3");
        assertTrue(unknown.contains("unknown field 'max_exposur' in evaluation.privacy; did you mean 'max_exposure'?"),
                unknown);
    }
}
