package dev.enclave.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.DjlOffline;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The masked-LM head on the tiny random BERT: names, the tied decoder, and pseudo-log-likelihood. */
@ExtendWith(DjlOffline.class)
class BertMaskedLmTest {
    private static final long MASK = 1;
    private static final EncodedText TEXT = new EncodedText(new long[] {2, 4, 9, 7, 12, 3}, new long[] {1, 1, 1, 1, 1,
        1}, new long[6], false);

    @TempDir
    static Path temp;

    private static HfModelFolder folder;
    private NDManager manager;
    private BertMaskedLm model;
    private ParameterStore store;
    private WeightLoadReport report;

    @BeforeAll
    static void writeModel() throws IOException {
        DjlNetworkSettings.enforce();
        folder = HfModelFolder.open(TinyBert.writeMaskedLm(temp.resolve("mlm")));
    }

    @BeforeEach
    void load() throws IOException {
        manager = NDManager.newBaseManager();
        model = new BertMaskedLm(TinyBert.CONFIG);
        report = model.loadWeights(folder, manager);
        store = new ParameterStore(manager, false);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void namesFollowBertForMaskedLmAndTheDecoderIsTheWordEmbeddingTable() {
        List<String> names = model.hfParameters().stream().map(HfParameter::name).toList();
        assertEquals("bert.embeddings.word_embeddings.weight", names.get(0));
        assertEquals(List.of("cls.predictions.transform.dense.weight", "cls.predictions.transform.dense.bias",
                "cls.predictions.transform.LayerNorm.weight", "cls.predictions.transform.LayerNorm.bias",
                "cls.predictions.bias"), names.subList(names.size() - 5, names.size()));
        assertEquals(List.of("cls.predictions.decoder.weight", "pooler.dense.weight"), report.ignored());

        Map<String, NDArray> p = model.hfParameters().stream()
                .collect(Collectors.toMap(HfParameter::name, h -> h.parameter().getArray()));
        try (NDManager scope = manager.newSubManager()) {
            NDList inputs = inputs(scope, TEXT);
            NDArray logits = model.forward(store, inputs, false).head();
            assertEquals(new Shape(1, 6, TinyBert.CONFIG.vocabSize()), logits.getShape());
            NDArray hidden = model.encoder().forward(store, inputs, false).head();
            NDArray dense = hidden.matMul(p.get("cls.predictions.transform.dense.weight").transpose())
                    .add(p.get("cls.predictions.transform.dense.bias")).getNDArrayInternal().gelu();
            NDArray mean = dense.mean(new int[] {-1}, true);
            NDArray variance = dense.sub(mean).square().mean(new int[] {-1}, true);
            NDArray normed = dense.sub(mean).div(variance.add(1e-12f).sqrt())
                    .mul(p.get("cls.predictions.transform.LayerNorm.weight"))
                    .add(p.get("cls.predictions.transform.LayerNorm.bias"));
            NDArray expected = normed.matMul(p.get("bert.embeddings.word_embeddings.weight").transpose())
                    .add(p.get("cls.predictions.bias"));
            assertArrayEquals(expected.toFloatArray(), logits.toFloatArray(), 1e-4f);
            NDArray atPositions = model.logitsAt(store, inputs, scope.create(new long[] {4}), false);
            assertArrayEquals(logits.get(new NDIndex(":, 4, :")).toFloatArray(), atPositions.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void pseudoLogLikelihoodMasksEachInnerTokenInTurn() {
        double expected = 0;
        for (int position = 1; position < TEXT.length() - 1; position++) {
            long[] ids = TEXT.inputIds().clone();
            ids[position] = MASK;
            try (NDManager scope = manager.newSubManager()) {
                NDArray logProbs = model.forward(store, inputs(scope, new EncodedText(ids, TEXT.attentionMask(),
                        TEXT.tokenTypeIds(), false)), false).head().logSoftmax(-1);
                expected += logProbs.getFloat(0, position, TEXT.inputIds()[position]);
            }
        }
        PseudoLogLikelihood.Score score = PseudoLogLikelihood.score(model, store, manager, TEXT, MASK, 32);
        assertEquals(4, score.tokens());
        assertEquals(expected, score.logLikelihood(), 1e-4);
        assertTrue(score.perToken() < 0);
        assertEquals(0, PseudoLogLikelihood.score(model, store, manager, new EncodedText(new long[] {2, 3},
                new long[] {1, 1}, new long[2], false), MASK, 32).tokens());
        PseudoLogLikelihood.Score batched = PseudoLogLikelihood.score(model, store, manager, TEXT, MASK, 3);
        assertEquals(score.logLikelihood(), batched.logLikelihood(), 1e-5, "batches of 3 and 1 rows");
    }

    private static NDList inputs(NDManager scope, EncodedText text) {
        return BertInputs.batch(scope, List.of(text), 0);
    }
}
