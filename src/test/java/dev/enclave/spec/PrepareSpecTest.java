package dev.enclave.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preparation's spec keys: input format, dedup, filters, task types and templates. */
class PrepareSpecTest {
    private static final Path FILE = Path.of("pipelines/test.yaml");
    private static final String BASE = """
            version: 1
            name: notes
            seed: 7
            residency:
              allowed_roots: [data, runs]
            data:
              path: data/notes.jsonl
              columns: {id: note_id, group: patient_id, text: text, label: specialty}
              labels: [a, b]
            model:
              path: models/m
            """;

    private static PipelineSpec parse(String extra) {
        return SpecLoader.parse(FILE, BASE + extra).spec();
    }

    private static String error(String yaml) {
        return assertThrows(EnclaveException.class, () -> SpecLoader.parse(FILE, yaml)).getMessage();
    }

    @Test
    void defaults() {
        PipelineSpec spec = parse("");
        assertEquals(DataSpec.InputFormat.JSONL, spec.data().format(), "from the .jsonl extension");
        assertTrue(spec.dedup().exact() && spec.dedup().near());
        assertEquals(0.9, spec.dedup().nearDuplicateJaccard());
        assertEquals(3, spec.dedup().shingleWords());
        assertEquals(16, spec.dedup().tables());
        assertEquals(8, spec.dedup().hashesPerTable());
        assertEquals(List.of(), spec.filters().excludePatterns());
        assertFalse(spec.filters().countsTokens());
        assertEquals(TaskSpec.Type.CLASSIFICATION, spec.task().type());
        assertEquals(null, spec.task().promptTemplate());
    }

    @Test
    void causalTaskWithTemplatesDedupAndFiltersRoundTrip() {
        LoadedSpec loaded = SpecLoader.parse(FILE, BASE + """
                dedup: {near_duplicate_jaccard: 0.85, shingle_words: 4, tables: 20, hashes_per_table: 6}
                filters: {min_chars: 10, max_tokens: 900, max_non_alnum_fraction: 0.4, exclude_patterns: ["(?i)test"]}
                task:
                  type: causal-lm
                  max_tokens: 1024
                  prompt_template: "Note:\\n{text}\\nSpecialty:"
                  completion_template: " {label}"
                  packing: true
                """);
        PipelineSpec spec = loaded.spec();
        assertEquals(TaskSpec.Type.CAUSAL_LM, spec.task().type());
        assertEquals("Note:\n{text}\nSpecialty:", spec.task().promptTemplate());
        assertTrue(spec.task().packing() && spec.task().usesLabel());
        assertTrue(spec.filters().countsTokens());
        assertEquals(0.85, spec.dedup().nearDuplicateJaccard());
        assertTrue(loaded.resolvedYaml().contains("type: \"causal-lm\""), loaded.resolvedYaml());
        assertEquals(spec, SpecLoader.parse(FILE, loaded.resolvedYaml()).spec());
    }

    @Test
    void plainLanguageModellingNeedsNoLabel() {
        PipelineSpec spec = SpecLoader.parse(FILE, BASE.replace(", label: specialty", "") + """
                task: {type: causal-lm}
                """).spec();
        assertEquals("", spec.task().promptTemplate());
        assertEquals("{text}", spec.task().completionTemplate());
        assertFalse(spec.task().usesLabel());
        assertEquals(TaskSpec.Type.MASKED_LM, SpecLoader.parse(FILE, BASE.replace(", label: specialty", "")
                + "task: {type: masked-lm}\n").spec().task().type());
    }

    @Test
    void badValuesNameTheirFieldAndLine() {
        String regex = error(BASE + "filters:\n  exclude_patterns: [ok, \"(unclosed\"]\n");
        assertTrue(regex.startsWith("pipelines/test.yaml:13:26:") && regex.contains("filters: 'exclude_patterns[1]'")
                && regex.contains("not a valid regular expression"), regex);
        String placeholder = error(BASE + "task: {type: causal-lm, prompt_template: \"{note}\"}\n");
        assertTrue(placeholder.contains("prompt_template") && placeholder.contains("{note}"), placeholder);
        String notCausal = error(BASE + "task: {type: classification, packing: true}\n");
        assertTrue(notCausal.contains("packing") && notCausal.contains("causal-lm only"), notCausal);
        String noLabel = error(BASE.replace(", label: specialty", ""));
        assertTrue(noLabel.contains("data.columns.label"), noLabel);
        String tooLong = error(BASE + "task: {max_tokens: 1024}\n");
        assertTrue(tooLong.contains("at most 512"), tooLong);
        String jaccard = error(BASE + "dedup: {near_duplicate_jaccard: 0}\n");
        assertTrue(jaccard.contains("dedup.near_duplicate_jaccard") || jaccard.contains("near_duplicate_jaccard"),
                jaccard);
        String order = error(BASE + "filters: {min_chars: 10, max_chars: 5}\n");
        assertTrue(order.contains("max_chars") && order.contains("min_chars"), order);
        String typo = error(BASE + "dedup: {shingle_word: 3}\n");
        assertTrue(typo.contains("did you mean 'shingle_words'?"), typo);
    }

    @Test
    void shippedPipelinesLoad() {
        for (String name : List.of("clinical-notes", "legal-cases")) {
            PipelineSpec spec = SpecLoader.load(Path.of("pipelines", name + ".yaml")).spec();
            assertEquals(name, spec.name());
            assertEquals(DataSpec.InputFormat.CSV, spec.data().format());
        }
    }
}
