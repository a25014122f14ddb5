package dev.enclave.model.llama;

import dev.enclave.model.ProjectionAdapters;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.bert.HfParameter;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gradients reach every parameter, a few steps lower the loss, and projection adapters plug in. */
class LlamaTrainingTest {

    private static final long[] IDS = {1, 5, 9, 12, 7, 20, 3, 15, 1, 5, 9, 12, 0, 0};
    private static final long[] MASK = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0};

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

    /** The loss of the fixed batch; with a positive rate, also one plain gradient descent step. */
    private float loss(LlamaCausalLm model, List<Parameter> trained, float learningRate) {
        Shape shape = new Shape(2, IDS.length / 2);
        float value;
        try (NDManager step = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray ids = step.create(IDS, shape);
            NDArray mask = step.create(MASK, shape);
            NDArray logits = model.forward(store, new NDList(ids, mask), learningRate > 0).singletonOrThrow();
            NDArray loss = TokenLogProbs.meanNegativeLogLikelihood(logits, ids, mask);
            value = loss.getFloat();
            if (learningRate <= 0) {
                return value;
            }
            collector.backward(loss);
        }
        for (Parameter parameter : trained) {
            NDArray gradient = parameter.getArray().getGradient();
            parameter.getArray().subi(gradient.mul(learningRate));
            gradient.subi(gradient);
        }
        return value;
    }

    @Test
    void gradientDescentOnTheNextTokenLossReachesEveryParameterAndLowersIt() {
        LlamaConfig tied = LlamaConfig.builder(LlamaConfig.QWEN2).setVocabSize(24).setHiddenSize(16)
                .setIntermediateSize(32).setNumHiddenLayers(2).setNumAttentionHeads(4).optNumKeyValueHeads(2)
                .optTieWordEmbeddings(true).build();
        LlamaCausalLm model = LlamaCausalLm.random(tied, 3, manager);
        List<Parameter> parameters = model.hfParameters().stream().map(HfParameter::parameter).toList();
        Shape shape = new Shape(2, IDS.length / 2);
        float initial;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray ids = manager.create(IDS, shape);
            NDArray mask = manager.create(MASK, shape);
            NDArray logits = model.forward(store, new NDList(ids, mask), true).singletonOrThrow();
            NDArray loss = TokenLogProbs.meanNegativeLogLikelihood(logits, ids, mask);
            initial = loss.getFloat();
            collector.backward(loss);
        }
        assertTrue(Float.isFinite(initial), "initial loss " + initial);
        for (HfParameter parameter : model.hfParameters()) {
            NDArray gradient = parameter.parameter().getArray().getGradient();
            float size = gradient.abs().sum().getFloat();
            assertTrue(size > 0, parameter.name() + " got no gradient (sum of |gradient| " + size + ", loss "
                    + initial + ")");
            gradient.subi(gradient);
        }
        float before = loss(model, parameters, 0f);
        for (int step = 0; step < 20; step++) {
            loss(model, parameters, 0.5f);
        }
        float after = loss(model, parameters, 0f);
        assertTrue(after < before - 0.5f, "loss " + before + " -> " + after);
    }

    @Test
    void lossCountsOnlyRealNextTokens() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray logits = scope.zeros(new Shape(1, 4, 8));
            NDArray ids = scope.create(new long[] {0, 3, 5, 0}, new Shape(1, 4));
            NDArray mask = scope.create(new long[] {0, 1, 1, 0}, new Shape(1, 4));
            assertArrayEquals(new float[] {0, 1, 0}, TokenLogProbs.targetMask(mask).toFloatArray());
            assertEquals(Math.log(8), TokenLogProbs.meanNegativeLogLikelihood(logits, ids, mask).getFloat(), 1e-6);
        }
    }

    /** Adds {@code x A^T} to a projection, A [out, in] set by the test. */
    private static final class LinearDelta extends AbstractBlock {

        private final Parameter delta;

        LinearDelta(NDManager manager, int in, int out) {
            delta = addParameter(Parameter.builder().setName("delta").setType(Parameter.Type.WEIGHT).build());
            NDArray zeros = manager.zeros(new Shape(out, in));
            zeros.setRequiresGradient(true);
            delta.setArray(zeros);
        }

        @Override
        protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray x = inputs.head();
            return x.getNDArrayInternal().linear(x, parameterStore.getValue(delta, x.getDevice(), training), null);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    @Test
    void adaptersAddToTheChosenProjectionsAndTrainWithoutBeingListedAsBaseParameters() {
        List<String> asked = new ArrayList<>();
        List<LinearDelta> deltas = new ArrayList<>();
        ProjectionAdapters onValues = (module, in, out) -> {
            asked.add(module);
            if (!module.endsWith("v_proj")) {
                return Optional.empty();
            }
            LinearDelta delta = new LinearDelta(manager, in, out);
            deltas.add(delta);
            return Optional.of(delta);
        };
        LlamaConfig config = LlamaShapes.tiny();
        LlamaCausalLm adapted = LlamaCausalLm.builder().setConfig(config).optAdapters(onValues).build();
        adapted.initializeRandom(5, manager);
        LlamaCausalLm plain = LlamaCausalLm.random(config, 5, manager);
        assertEquals(14, asked.size(), "7 projections per layer, never lm_head");
        assertEquals("model.layers.0.self_attn.q_proj", asked.get(0));
        assertEquals(2, deltas.size());
        assertEquals(plain.hfParameters().size(), adapted.hfParameters().size());

        Shape shape = new Shape(2, IDS.length / 2);
        NDArray ids = manager.create(IDS, shape);
        NDArray mask = manager.create(MASK, shape);
        float[] base = plain.forward(store, ids, mask, null, false).toFloatArray();
        assertArrayEquals(base, adapted.forward(store, ids, mask, null, false).toFloatArray(), 1e-6f,
                "a zero adapter changes nothing");

        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = adapted.forward(store, new NDList(ids, mask), true).singletonOrThrow();
            collector.backward(TokenLogProbs.meanNegativeLogLikelihood(logits, ids, mask));
        }
        NDArray adapterWeight = deltas.get(1).getParameters().get("delta").getArray();
        assertTrue(adapterWeight.getGradient().abs().sum().getFloat() > 0, "the adapter is trained");
        adapterWeight.addi(adapterWeight.getGradient().mul(-1f));
        float[] moved = adapted.forward(store, ids, mask, null, false).toFloatArray();
        assertFalse(java.util.Arrays.equals(base, moved));
    }
}
