package dev.enclave.model.bert;

import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;

import ai.djl.ndarray.types.Shape;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Writes a tiny random BERT in Hugging Face layout, with a hand-written WordLevel tokenizer. */
public final class TinyBert {

    public static final List<String> WORDS = List.of(
            "good", "bad", "the", "a", "day", "food", "service", "was", "very", "quite", "movie", "plot");
    public static final BertConfig CONFIG = new BertConfig(4 + WORDS.size(), 32, 2, 4, 64, 16, 2, 1e-12, BertConfig.GELU,
            0.1, 0.1, 0);

    private TinyBert() {}

    /**
     * Writes config.json, model.safetensors (random encoder weights plus an unused pooler) and tokenizer.json.
     *
     * @param folder the target folder
     * @param rename maps each Hugging Face name to the name stored in the file (identity, a prefix, ...)
     * @return the folder
     */
    public static Path write(Path folder, UnaryOperator<String> rename) throws IOException {
        Files.createDirectories(folder);
        new ObjectMapper().writeValue(folder.resolve("config.json").toFile(), CONFIG.toHfConfig());
        Random random = new Random(11);
        Map<String, WritableTensor> tensors = new TreeMap<>();
        for (HfParameter parameter : new BertEncoder(CONFIG).hfParameters()) {
            tensors.put(rename.apply(parameter.name()),
                    WritableTensor.of(randomValues(parameter, random), parameter.shape()));
        }
        int hidden = CONFIG.hiddenSize();
        tensors.put("pooler.dense.weight", WritableTensor.of(new float[hidden * hidden], new Shape(hidden, hidden)));
        SafetensorsWriter.builder().optMetadata(Map.of("format", "pt")).build()
                .write(folder.resolve(SafetensorsCheckpoint.SINGLE_FILE), tensors);
        Files.writeString(folder.resolve("tokenizer.json"), tokenizerJson());
        return folder;
    }

    /**
     * Writes a tiny {@code BertForMaskedLM}: encoder tensors under {@code bert.}, the masked-LM head
     * ({@code cls.predictions.*}, random) and a stored copy of the tied decoder weight, as Hugging Face saves it.
     *
     * @param folder the target folder
     * @return the folder
     */
    public static Path writeMaskedLm(Path folder) throws IOException {
        write(folder, name -> BertMaskedLm.ENCODER_PREFIX + name);
        Map<String, WritableTensor> tensors = new TreeMap<>();
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(folder)) {
            for (String name : checkpoint.tensorNames()) {
                tensors.put(name, WritableTensor.of(checkpoint.readFloats(name), checkpoint.tensor(name).shape()));
            }
        }
        Random random = new Random(12);
        int hidden = CONFIG.hiddenSize();
        int vocab = CONFIG.vocabSize();
        tensors.put("cls.predictions.transform.dense.weight", gaussian(random, hidden, hidden));
        tensors.put("cls.predictions.transform.dense.bias", gaussian(random, hidden));
        tensors.put("cls.predictions.transform.LayerNorm.weight", gaussian(random, hidden));
        tensors.put("cls.predictions.transform.LayerNorm.bias", gaussian(random, hidden));
        tensors.put("cls.predictions.bias", gaussian(random, vocab));
        tensors.put("cls.predictions.decoder.weight", tensors.get("bert.embeddings.word_embeddings.weight"));
        SafetensorsWriter.builder().build().write(folder.resolve(SafetensorsCheckpoint.SINGLE_FILE), tensors);
        return folder;
    }

    private static WritableTensor gaussian(Random random, long... shape) {
        Shape dims = new Shape(shape);
        float[] values = new float[(int) dims.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.5);
        }
        return WritableTensor.of(values, dims);
    }

    private static float[] randomValues(HfParameter parameter, Random random) {
        float[] values = new float[(int) parameter.shape().size()];
        boolean norm = parameter.name().contains("LayerNorm");
        for (int i = 0; i < values.length; i++) {
            if (norm) {
                values[i] = parameter.name().endsWith("weight") ? 1f : 0f;
            } else if (parameter.name().endsWith("bias")) {
                values[i] = 0f;
            } else {
                values[i] = (float) (random.nextGaussian() * 0.1);
            }
        }
        return values;
    }

    private static String tokenizerJson() {
        StringBuilder vocab = new StringBuilder("\"[PAD]\":0,\"[UNK]\":1,\"[CLS]\":2,\"[SEP]\":3");
        for (int i = 0; i < WORDS.size(); i++) {
            vocab.append(",\"").append(WORDS.get(i)).append("\":").append(4 + i);
        }
        String special = "\"single_word\":false,\"lstrip\":false,\"rstrip\":false,\"normalized\":false,"
                + "\"special\":true";
        return "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":["
                + "{\"id\":0,\"content\":\"[PAD]\"," + special + "},"
                + "{\"id\":1,\"content\":\"[UNK]\"," + special + "},"
                + "{\"id\":2,\"content\":\"[CLS]\"," + special + "},"
                + "{\"id\":3,\"content\":\"[SEP]\"," + special + "}],"
                + "\"normalizer\":{\"type\":\"Lowercase\"},"
                + "\"pre_tokenizer\":{\"type\":\"Whitespace\"},"
                + "\"post_processor\":{\"type\":\"TemplateProcessing\","
                + "\"single\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}},"
                + "{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":0}}],"
                + "\"pair\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}},"
                + "{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":0}},"
                + "{\"Sequence\":{\"id\":\"B\",\"type_id\":1}},{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":1}}],"
                + "\"special_tokens\":{\"[CLS]\":{\"id\":\"[CLS]\",\"ids\":[2],\"tokens\":[\"[CLS]\"]},"
                + "\"[SEP]\":{\"id\":\"[SEP]\",\"ids\":[3],\"tokens\":[\"[SEP]\"]}}},"
                + "\"decoder\":null,"
                + "\"model\":{\"type\":\"WordLevel\",\"vocab\":{" + vocab + "},\"unk_token\":\"[UNK]\"}}";
    }
}
