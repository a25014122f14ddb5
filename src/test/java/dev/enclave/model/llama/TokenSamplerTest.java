package dev.enclave.model.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class TokenSamplerTest {

    private static final float[] LOGITS = {0.5f, 3f, 3f, 2.5f, -1f, 1f};

    private static List<Integer> draws(GenerationSettings settings, int count) {
        TokenSampler sampler = new TokenSampler(settings);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(sampler.next(LOGITS));
        }
        return out;
    }

    @Test
    void greedyTakesTheHighestLogitAndTheLowestIdOnTies() {
        assertEquals(List.of(1, 1, 1), draws(GenerationSettings.greedy(3), 3));
    }

    @Test
    void samplingIsSeededAndStaysInsideTheNucleus() {
        GenerationSettings settings = GenerationSettings.topP(1, 0.8, 1.0, 42);
        List<Integer> first = draws(settings, 200);
        assertEquals(first, draws(settings, 200));
        assertNotEquals(first, draws(GenerationSettings.topP(1, 0.8, 1.0, 43), 200));
        // probabilities ~ 0.03, 0.37, 0.37, 0.22, 0.01, 0.05: the 0.8 nucleus is {1, 2, 3}
        assertTrue(first.stream().allMatch(id -> id == 1 || id == 2 || id == 3), first.toString());
        assertTrue(first.contains(1) && first.contains(2) && first.contains(3));

        List<Integer> hot = draws(GenerationSettings.topP(1, 1.0, 100.0, 1), 300);
        assertTrue(hot.contains(4), "a high temperature flattens the distribution");
        assertTrue(draws(GenerationSettings.topP(1, 1e-6, 1.0, 5), 50).stream().allMatch(id -> id == 1 || id == 2));
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> GenerationSettings.topP(1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GenerationSettings.topP(1, 1.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GenerationSettings.topP(1, 0.9, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> GenerationSettings.greedy(0));
    }
}
