package dev.enclave.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {
    private static final Path FILE = Path.of("pipelines/test.yaml");
    private static final String VALID = """
            version: 1
            name: notes
            seed: 7
            residency:
              allowed_roots: [data, runs]
            data:
              path: data/notes.csv
              columns: {id: note_id, group: patient_id, text: text, label: specialty}
              labels: [a, b]
            model:
              path: models/m
            training:
              epochs: 3
              weight_decay: 0
            """;

    @Test
    void loadsValidSpecWithDefaults() {
        LoadedSpec loaded = SpecLoader.parse(FILE, VALID);
        PipelineSpec spec = loaded.spec();
        assertEquals("notes", spec.name());
        assertEquals(3, spec.training().epochs());
        assertEquals(0.0, spec.training().weightDecay(), "an explicit 0 is kept, not replaced by the default");
        assertEquals(16, spec.training().batchSize());
        assertEquals(0.8, spec.split().train());
        assertEquals(dev.enclave.deid.RedactionMode.MASK, spec.deid().mode());
        assertEquals(64, loaded.sha256().length());
    }

    @Test
    void resolvedSpecReloadsToTheSameSpecAndHash() {
        LoadedSpec first = SpecLoader.parse(FILE, VALID);
        LoadedSpec again = SpecLoader.parse(FILE, first.resolvedYaml());
        assertEquals(first.spec(), again.spec());
        assertEquals(first.sha256(), again.sha256());
        assertNotEquals(first.sha256(), SpecLoader.parse(FILE, VALID.replace("seed: 7", "seed: 8")).sha256());
    }

    @Test
    void unknownKeyNamesLineAndNearestKey() {
        String typo = VALID.replace("  epochs: 3", "  epocs: 3");
        EnclaveException e = assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, typo));
        assertEquals(EnclaveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("pipelines/test.yaml:13:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field 'epocs' in training"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'epochs'?"), e.getMessage());
    }

    @Test
    void invalidValueNamesFieldAndLine() {
        String bad = VALID.replace("  epochs: 3", "  epochs: -1");
        EnclaveException e = assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, bad));
        assertTrue(e.getMessage().startsWith("pipelines/test.yaml:13:"), e.getMessage());
        assertTrue(e.getMessage().contains("training: 'epochs' must be positive"), e.getMessage());
    }

    @Test
    void badListItemIsLocated() {
        String bad = VALID.replace("  allowed_roots: [data, runs]", "  allowed_roots: []");
        EnclaveException e = assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, bad));
        assertTrue(e.getMessage().startsWith("pipelines/test.yaml:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("'allowed_roots' must list at least one value"), e.getMessage());
    }

    @Test
    void wrongTypeNamesField() {
        String bad = VALID.replace("  epochs: 3", "  epochs: many");
        EnclaveException e = assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, bad));
        assertTrue(e.getMessage().startsWith("pipelines/test.yaml:13:"), e.getMessage());
        assertTrue(e.getMessage().contains("training.epochs"), e.getMessage());
    }

    @Test
    void missingRequiredSectionIsNamed() {
        String bad = VALID.replace("model:\n  path: models/m\n", "");
        EnclaveException e = assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, bad));
        assertTrue(e.getMessage().contains("missing required field 'model'"), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorHasLocation() {
        EnclaveException e = assertThrows(EnclaveException.class,
                () -> SpecLoader.parse(FILE, "version: 1\nname: \"unclosed\n"));
        assertTrue(e.getMessage().startsWith("pipelines/test.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void missingFileIsBadInput() {
        EnclaveException e = assertThrows(EnclaveException.class,
                () -> SpecLoader.load(Path.of("does/not/exist.yaml")));
        assertEquals(EnclaveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("spec file not found"));
    }

    @Test
    void shippedPipelineSpecsLoad() {
        assertEquals("clinical-notes", SpecLoader.load(Path.of("pipelines/clinical-notes.yaml")).spec().name());
    }
}
