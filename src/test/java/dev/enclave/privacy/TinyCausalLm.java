package dev.enclave.privacy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.LlamaConfig;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tiny random Llama in Hugging Face layout whose word-level tokenizer knows the given words and splits numbers into
 * single digits, so canary secrets tokenise digit by digit.
 */
final class TinyCausalLm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TinyCausalLm() {}

    /** Writes config.json, tokenizer.json and random weights (seed 3) into {@code folder}. */
    static Path write(Path folder, List<String> words) throws IOException {
        Set<String> vocab = new LinkedHashSet<>(List.of("<pad>", "<s>", "</s>", "<unk>"));
        for (int digit = 0; digit <= 9; digit++) {
            vocab.add(Integer.toString(digit));
        }
        vocab.add("-");
        vocab.addAll(words);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("tokenizer.json"), tokenizer(List.copyOf(vocab)));
        LlamaConfig config = LlamaConfig.builder(LlamaConfig.LLAMA).setVocabSize(vocab.size()).setHiddenSize(32)
                .setIntermediateSize(64).setNumHiddenLayers(2).setNumAttentionHeads(4).optMaxPositionEmbeddings(64)
                .optEosTokenIds(List.of(2)).build();
        JSON.writeValue(folder.resolve("config.json").toFile(), config.toHfConfig());
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, WritableTensor> tensors = new TreeMap<>();
            LlamaCausalLm.random(config, 3, manager).hfParameters()
                    .forEach(p -> tensors.put(p.name(), WritableTensor.of(p.parameter().getArray())));
            SafetensorsWriter.builder().build().write(folder.resolve("model.safetensors"), tensors);
        }
        return folder;
    }

    private static String tokenizer(List<String> vocab) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id < 4; id++) {
            added.addObject().put("id", id).put("content", vocab.get(id)).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putObject("normalizer").put("type", "Lowercase");
        ObjectNode pre = root.putObject("pre_tokenizer").put("type", "Sequence");
        pre.putArray("pretokenizers").add(JSON.createObjectNode().put("type", "Whitespace"))
                .add(JSON.createObjectNode().put("type", "Digits").put("individual_digits", true));
        ObjectNode post = root.putObject("post_processor").put("type", "TemplateProcessing");
        post.set("single", JSON.readTree("[{\"SpecialToken\": {\"id\": \"<s>\", \"type_id\": 0}},"
                + " {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}]"));
        post.set("pair", JSON.readTree("[{\"SpecialToken\": {\"id\": \"<s>\", \"type_id\": 0}},"
                + " {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}, {\"Sequence\": {\"id\": \"B\", \"type_id\": 1}}]"));
        post.set("special_tokens", JSON.readTree("{\"<s>\": {\"id\": \"<s>\", \"ids\": [1], \"tokens\": [\"<s>\"]}}"));
        root.set("decoder", JSON.readTree("{\"type\": \"WordPiece\", \"prefix\": \"##\", \"cleanup\": false}"));
        ObjectNode model = root.putObject("model").put("type", "WordLevel").put("unk_token", "<unk>");
        ObjectNode ids = model.putObject("vocab");
        for (int id = 0; id < vocab.size(); id++) {
            ids.put(vocab.get(id), id);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
