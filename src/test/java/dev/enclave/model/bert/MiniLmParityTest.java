package dev.enclave.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.DjlOffline;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.MiniLmFixture;
import dev.enclave.model.TextEncoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The DJL BERT on imported weights reproduces the original ONNX model run by onnxruntime. */
@ExtendWith(DjlOffline.class)
class MiniLmParityTest {

    private static final List<String> SENTENCES = List.of(
            "Short one.",
            "The patient was discharged after an uneventful recovery and follow-up was arranged.",
            "A sentence of medium length about weather.",
            "Transformers encode every token in context, so padding must not change the result of the"
                    + " masked mean pooling used for sentence embeddings in this test.");

    @TempDir
    static Path temp;

    private static HfModelFolder folder;
    private static NDManager manager;
    private static BertEncoder encoder;
    private static List<EncodedText> texts;
    private static NDList inputs;

    @BeforeAll
    static void setUp() throws Exception {
        folder = MiniLmFixture.importInto(temp);
        manager = NDManager.newBaseManager();
        encoder = new BertEncoder(BertConfig.read(folder));
        encoder.loadWeights(folder, manager);
        try (TextEncoder textEncoder = TextEncoder.open(folder.tokenizerFile(), 128)) {
            texts = textEncoder.encodeAll(SENTENCES);
        }
        inputs = BertInputs.batch(manager, texts, 0);
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void hiddenStatesAndPooledEmbeddingsMatchOnnxRuntime() throws Exception {
        int batch = texts.size();
        int length = (int) inputs.head().getShape().get(1);
        assertTrue(texts.stream().mapToInt(EncodedText::length).distinct().count() == batch,
                "the batch must mix lengths so that padding is exercised");

        float[][][] expected = runOnnx(inputs, batch, length);
        NDArray hidden = encoder.forward(new ParameterStore(manager, false), inputs, false).head();
        float[] actual = hidden.toFloatArray();
        int width = (int) hidden.getShape().get(2);
        assertEquals(384, width);

        for (int b = 0; b < batch; b++) {
            float[] pooledExpected = new float[width];
            float[] pooledActual = new float[width];
            for (int t = 0; t < texts.get(b).length(); t++) {
                float[] tokenActual = new float[width];
                System.arraycopy(actual, (b * length + t) * width, tokenActual, 0, width);
                double cosine = cosine(expected[b][t], tokenActual);
                assertTrue(cosine >= 0.9999, "sentence " + b + " token " + t + " cosine " + cosine);
                for (int h = 0; h < width; h++) {
                    pooledExpected[h] += expected[b][t][h];
                    pooledActual[h] += tokenActual[h];
                }
            }
            double pooledCosine = cosine(pooledExpected, pooledActual);
            assertTrue(pooledCosine >= 0.9999, "sentence " + b + " pooled cosine " + pooledCosine);
        }

        float[] pooled = MeanPooling.pool(hidden, inputs.get(1)).toFloatArray();
        for (int b = 0; b < batch; b++) {
            float[] mean = new float[width];
            for (int t = 0; t < texts.get(b).length(); t++) {
                for (int h = 0; h < width; h++) {
                    mean[h] += expected[b][t][h] / texts.get(b).length();
                }
            }
            float[] row = new float[width];
            System.arraycopy(pooled, b * width, row, 0, width);
            assertTrue(cosine(mean, row) >= 0.9999, "MeanPooling sentence " + b);
        }
    }

    private static float[][][] runOnnx(NDList batch, int rows, int length) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            try (OrtSession session = environment.createSession(
                    MiniLmFixture.resource("all-minilm-l6-v2.onnx"), options)) {
                assertEquals(Set.of("input_ids", "attention_mask", "token_type_ids"), session.getInputNames());
                long[] shape = {rows, length};
                try (OnnxTensor ids = tensor(environment, batch.get(0), shape);
                        OnnxTensor mask = tensor(environment, batch.get(1), shape);
                        OnnxTensor types = tensor(environment, batch.get(2), shape);
                        OrtSession.Result result = session.run(
                                Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
                    return (float[][][]) result.get(0).getValue();
                }
            }
        }
    }

    private static OnnxTensor tensor(OrtEnvironment environment, NDArray array, long[] shape) throws Exception {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(array.toLongArray()), shape);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
