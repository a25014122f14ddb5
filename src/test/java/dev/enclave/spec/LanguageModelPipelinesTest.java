package dev.enclave.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped language-model sample pipelines load and validate. */
class LanguageModelPipelinesTest {
    @Test
    void clinicalNotesCausalSpecLoads() throws Exception {
        PipelineSpec spec = SpecLoader.load(Path.of("pipelines/clinical-notes-causal.yaml")).spec();
        assertEquals(TaskSpec.Type.CAUSAL_LM, spec.task().type());
        assertTrue(spec.task().promptTemplate().contains("{text}"));
        assertEquals(" {label}", spec.task().completionTemplate());
        assertTrue(spec.task().usesLabel());
        assertEquals(TrainingSpec.Method.LORA, spec.training().method());
        assertEquals("models/llama", spec.model().path());
        assertEquals(100, spec.evaluation().generationExamples());
    }

    @Test
    void clinicalNotesMaskedLmSpecLoads() throws Exception {
        PipelineSpec spec = SpecLoader.load(Path.of("pipelines/clinical-notes-mlm.yaml")).spec();
        assertEquals(TaskSpec.Type.MASKED_LM, spec.task().type());
        assertEquals("bert-base-uncased", spec.model().importIfMissing());
        assertEquals(TrainingSpec.Method.LORA, spec.training().method());
        assertEquals(60, spec.training().maxSteps());
    }
}
