package dev.enclave.model.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.HfModelFolder;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Padding on either side and incremental decoding give the logits of a plain forward pass. */
class LlamaPaddingAndCacheTest {

    private static final double TOLERANCE = 1e-5;

    private NDManager manager;
    private ParameterStore store;

    @BeforeAll
    static void offline() {
        DjlNetworkSettings.enforce();
        System.setProperty("ai.djl.default_engine", "PyTorch");
    }

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private LlamaCausalLm load(String name) throws IOException {
        HfModelFolder folder = LlamaFixtures.open(name);
        LlamaCausalLm model = LlamaCausalLm.builder().setConfig(LlamaConfig.read(folder)).build();
        model.loadWeights(folder, manager);
        return model;
    }

    /** Logits [rows][T * vocab] of a batch. */
    private float[][] logits(LlamaCausalLm model, long[][] ids, long[][] mask, KvCache cache) {
        int rows = ids.length;
        int length = ids[0].length;
        Shape shape = new Shape(rows, length);
        NDArray out = model.forward(store, manager.create(flatten(ids), shape), manager.create(flatten(mask), shape),
                cache, false);
        float[] values = out.toFloatArray();
        out.close();
        int width = values.length / rows;
        float[][] result = new float[rows][];
        for (int r = 0; r < rows; r++) {
            result[r] = Arrays.copyOfRange(values, r * width, (r + 1) * width);
        }
        return result;
    }

    private static long[] flatten(long[][] rows) {
        return Arrays.stream(rows).flatMapToLong(Arrays::stream).toArray();
    }

    private static long[] ones(int n) {
        long[] values = new long[n];
        Arrays.fill(values, 1L);
        return values;
    }

    /** Asserts that positions [from, from + count) of {@code actual} equal positions [start, ...) of expected. */
    private static void assertRows(float[] expected, int start, float[] actual, int from, int count, int vocab,
            String what) {
        double worst = 0;
        for (int t = 0; t < count; t++) {
            for (int v = 0; v < vocab; v++) {
                worst = Math.max(worst, Math.abs(expected[(start + t) * vocab + v] - actual[(from + t) * vocab + v]));
            }
        }
        assertTrue(worst <= TOLERANCE, what + ": max |difference| " + worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-gqa", "qwen2-bias"})
    void paddedRowsGiveTheUnpaddedLogitsAtRealPositions(String name) throws IOException {
        LlamaCausalLm model = load(name);
        int vocab = model.config().vocabSize();
        int pad = model.config().padTokenId();
        List<LlamaFixtures.Sequence> sequences = LlamaFixtures.sequences(name);
        long[] longer = sequences.get(0).ids();
        long[] shorter = sequences.get(1).ids();
        int gap = longer.length - shorter.length;
        float[] alone = logits(model, new long[][] {shorter}, new long[][] {ones(shorter.length)}, null)[0];

        long[] rightIds = Arrays.copyOf(shorter, longer.length);
        Arrays.fill(rightIds, shorter.length, longer.length, pad);
        long[] rightMask = Arrays.copyOf(ones(shorter.length), longer.length);
        float[][] right = logits(model, new long[][] {longer, rightIds},
                new long[][] {ones(longer.length), rightMask}, null);
        assertRows(alone, 0, right[1], 0, shorter.length, vocab, name + " right padding");

        long[] leftIds = new long[longer.length];
        long[] leftMask = new long[longer.length];
        Arrays.fill(leftIds, 0, gap, pad);
        System.arraycopy(shorter, 0, leftIds, gap, shorter.length);
        Arrays.fill(leftMask, gap, longer.length, 1L);
        float[][] left = logits(model, new long[][] {leftIds, longer}, new long[][] {leftMask, ones(longer.length)},
                null);
        assertRows(alone, 0, left[0], gap, shorter.length, vocab, name + " left padding");

        float[] longerAlone = logits(model, new long[][] {longer}, new long[][] {ones(longer.length)}, null)[0];
        assertRows(longerAlone, 0, left[1], 0, longer.length, vocab, name + " unpadded row beside a padded one");
        for (float value : left[0]) {
            assertTrue(Float.isFinite(value), "logits at padding positions are finite");
        }
    }

    @Test
    void incrementalDecodingMatchesTheFullForwardPass() throws IOException {
        LlamaCausalLm model = load("llama-gqa");
        int vocab = model.config().vocabSize();
        long[] ids = LlamaFixtures.sequences("llama-gqa").get(0).ids();
        float[] full = logits(model, new long[][] {ids}, new long[][] {ones(ids.length)}, null)[0];
        try (KvCache cache = model.newCache(manager)) {
            int[] chunks = {5, 1, 1, 3, 1, 1};
            int at = 0;
            for (int chunk : chunks) {
                long[] part = Arrays.copyOfRange(ids, at, at + chunk);
                float[] step = logits(model, new long[][] {part}, new long[][] {ones(chunk)}, cache)[0];
                assertRows(full, at, step, 0, chunk, vocab, "chunk at " + at);
                at += chunk;
                assertEquals(at, cache.length());
            }
            assertEquals(ids.length, at);
        }
    }

    @Test
    void incrementalDecodingOfALeftPaddedBatchMatchesEachRowAlone() throws IOException {
        LlamaCausalLm model = load("mistral-bf16");
        int vocab = model.config().vocabSize();
        long[] first = {1, 4, 6, 7, 8, 9};
        long[] second = {1, 18, 19};
        long[] next = {11, 20};
        long pad = model.config().padTokenId();
        try (KvCache cache = model.newCache(manager)) {
            logits(model, new long[][] {first, {pad, pad, pad, 1, 18, 19}},
                    new long[][] {ones(6), {0, 0, 0, 1, 1, 1}}, cache);
            float[][] step = logits(model, new long[][] {{next[0]}, {next[1]}}, new long[][] {{1}, {1}}, cache);
            long[] firstThen = Arrays.copyOf(first, first.length + 1);
            firstThen[first.length] = next[0];
            long[] secondThen = Arrays.copyOf(second, second.length + 1);
            secondThen[second.length] = next[1];
            float[] firstAlone = logits(model, new long[][] {firstThen}, new long[][] {ones(7)}, null)[0];
            float[] secondAlone = logits(model, new long[][] {secondThen}, new long[][] {ones(4)}, null)[0];
            assertRows(firstAlone, 6, step[0], 0, 1, vocab, "first row");
            assertRows(secondAlone, 3, step[1], 0, 1, vocab, "second row");
        }
    }

    @Test
    void rejectsInputsThatDoNotFit() {
        LlamaConfig windowed = LlamaConfig.builder(LlamaConfig.MISTRAL).setVocabSize(16).setHiddenSize(16)
                .setIntermediateSize(32).setNumHiddenLayers(1).setNumAttentionHeads(2).optSlidingWindow(4).build();
        LlamaCausalLm model = LlamaCausalLm.random(windowed, 1, manager);
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> logits(model, new long[][] {{1, 2, 3, 4, 5}}, new long[][] {ones(5)}, null));
        assertTrue(window.getMessage().contains("sliding_window 4"), window.getMessage());

        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> logits(model, new long[][] {{1, 16}}, new long[][] {ones(2)}, null));
        assertTrue(range.getMessage().contains("vocab_size is 16"), range.getMessage());

        try (KvCache cache = model.newCache(manager)) {
            logits(model, new long[][] {{1, 2}}, new long[][] {ones(2)}, cache);
            IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                    () -> logits(model, new long[][] {{1}, {2}}, new long[][] {{1}, {1}}, cache));
            assertTrue(batch.getMessage().contains("holds 1 sequences"), batch.getMessage());
        }
    }
}
