package dev.enclave.model.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.bert.HfParameter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Google BERT variable names onto Hugging Face BertForMaskedLM names, on a tiny TensorFlow checkpoint. */
class TfBertWeightsTest {

    @TempDir
    Path temp;

    @Test
    void mapsNamesOneToOne() {
        assertEquals("bert.encoder.layer.11.attention.self.query.weight",
                TfBertWeights.hfName("bert/encoder/layer_11/attention/self/query/kernel"));
        assertEquals("bert.encoder.layer.0.output.LayerNorm.weight",
                TfBertWeights.hfName("bert/encoder/layer_0/output/LayerNorm/gamma"));
        assertEquals("bert.embeddings.LayerNorm.bias", TfBertWeights.hfName("bert/embeddings/LayerNorm/beta"));
        assertEquals("bert.embeddings.token_type_embeddings.weight",
                TfBertWeights.hfName("bert/embeddings/token_type_embeddings"));
        assertEquals("cls.predictions.bias", TfBertWeights.hfName("cls/predictions/output_bias"));
        assertEquals("cls.predictions.transform.dense.bias",
                TfBertWeights.hfName("cls/predictions/transform/dense/bias"));
    }

    @Test
    void convertsAScopedCheckpointTransposingKernelsAndSkippingWhatTheModelLacks() throws IOException {
        TfCheckpointFiles files = new TfCheckpointFiles().blockSize(256).restartInterval(4);
        Map<String, float[]> tf = TinyTfBert.addTo(files, "module/", 3);
        List<HfParameter> expected = new BertMaskedLm(TinyTfBert.CONFIG).hfParameters();
        try (TfCheckpoint checkpoint = TfCheckpoint.open(files.write(temp, "variables"))) {
            assertEquals(TinyTfBert.CONFIG, TfBertWeights.inferConfig(checkpoint, 2));
            TfBertWeights.Conversion conversion = TfBertWeights.convert(checkpoint, expected);

            assertEquals(expected.stream().map(HfParameter::name).sorted().toList(),
                    List.copyOf(conversion.tensors().keySet()));
            assertEquals(List.of("module/bert/embeddings/word_embeddings/adam_m", "module/bert/pooler/dense/bias",
                    "module/bert/pooler/dense/kernel", "module/global_step"),
                    List.copyOf(conversion.skipped().keySet()));
            assertEquals("training state", conversion.skipped().get("module/global_step"));

            float[] kernel = tf.get("module/bert/encoder/layer_1/intermediate/dense/kernel"); // [8 in, 16 out]
            float[] weight = conversion.tensors().get("bert.encoder.layer.1.intermediate.dense.weight").values().get();
            assertEquals(16 * 8, weight.length);
            for (int out = 0; out < 16; out++) {
                for (int in = 0; in < 8; in++) {
                    assertEquals(kernel[in * 16 + out], weight[out * 8 + in], "weight[" + out + "][" + in + "]");
                }
            }
            assertArrayEquals(tf.get("module/cls/predictions/output_bias"),
                    conversion.tensors().get("cls.predictions.bias").values().get());
            assertArrayEquals(tf.get("module/cls/predictions/transform/LayerNorm/gamma"),
                    conversion.tensors().get("cls.predictions.transform.LayerNorm.weight").values().get());
            assertArrayEquals(tf.get("module/bert/embeddings/word_embeddings"),
                    conversion.tensors().get("bert.embeddings.word_embeddings.weight").values().get());
        }
    }

    @Test
    void anUnscopedCheckpointGivesTheSameTensors() throws IOException {
        TfCheckpointFiles files = new TfCheckpointFiles();
        Map<String, float[]> tf = TinyTfBert.addTo(files, "", 3);
        try (TfCheckpoint checkpoint = TfCheckpoint.open(files.write(temp, "model.ckpt"))) {
            TfBertWeights.Conversion conversion =
                    TfBertWeights.convert(checkpoint, new BertMaskedLm(TinyTfBert.CONFIG).hfParameters());
            assertArrayEquals(tf.get("bert/embeddings/LayerNorm/beta"),
                    conversion.tensors().get("bert.embeddings.LayerNorm.bias").values().get());
        }
    }

    @Test
    void aMissingOrMisshapedVariableIsNamed() throws IOException {
        TfCheckpointFiles files = new TfCheckpointFiles();
        TinyTfBert.addTo(files, "module/", 3);
        files.floats("module/bert/encoder/layer_1/output/dense/bias", new float[3], 3);
        try (TfCheckpoint checkpoint = TfCheckpoint.open(files.write(temp, "variables"))) {
            List<HfParameter> expected = new BertMaskedLm(TinyTfBert.CONFIG).hfParameters();
            TfFormatException error = assertThrows(TfFormatException.class,
                    () -> TfBertWeights.convert(checkpoint, expected));
            assertTrue(error.getMessage().contains("'module/bert/encoder/layer_1/output/dense/bias' has shape (3),"
                    + " expected (8) for 'bert.encoder.layer.1.output.dense.bias'"), error.getMessage());
            assertTrue(error.getMessage().contains("no variable found for [bert.encoder.layer.1.output.dense.bias]"),
                    error.getMessage());
        }
    }

    @Test
    void aCheckpointWithoutBertIsRefused() throws IOException {
        TfCheckpointFiles files = new TfCheckpointFiles().floats("dense/kernel", new float[4], 2, 2);
        try (TfCheckpoint checkpoint = TfCheckpoint.open(files.write(temp, "variables"))) {
            TfFormatException error = assertThrows(TfFormatException.class,
                    () -> TfBertWeights.inferConfig(checkpoint, 2));
            assertTrue(error.getMessage().contains("not a BERT checkpoint"), error.getMessage());
        }
    }
}
