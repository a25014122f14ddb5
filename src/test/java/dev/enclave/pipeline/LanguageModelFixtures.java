package dev.enclave.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.LlamaConfig;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;
import dev.enclave.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Tiny random language models in Hugging Face layout with word-level tokenizers, and a toy CSV whose label follows
 * from its text, for language-model pipeline runs.
 */
final class LanguageModelFixtures {
    /** Words of the toy notes. */
    static final List<String> WORDS = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa");
    /**
     * Every word the tokenizers know besides the special tokens: the notes' words, the prompt's, and what the privacy
     * canaries are written with (their prefixes, digits, the hyphen).
     */
    static final List<String> VOCABULARY = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta",
            "kappa", "note", "answer", "yes", "no", ":", "medical", "record", "social", "security", "number", "-",
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /**
     * The privacy tests of the toy runs: two canaries (an MRN and an SSN) inserted twice each, few candidates and
     * members, so that the tests stay fast. A tiny model on a 29-word vocabulary memorises even a canary seen eight
     * times (exposure above 20 bits, the secret written out verbatim), so the gates here are set where they pass and
     * the run completes; a test that wants a gate to trip sets its own.
     */
    static final String SMALL_PRIVACY = "{canaries: {count: 2, repeats: 2}, exposure_candidates: 50,"
            + " membership_examples: 20, max_exposure: 30, max_membership_auc: 1.0, max_verbatim_canaries: 2}";

    private LanguageModelFixtures() {}

    /**
     * {@code rows} notes of four to seven words; the label is "yes" when the note holds "alpha", else "no". Each
     * note is its own group.
     */
    static Path toyNotes(Path dir, int rows) throws IOException {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("id,patient,text,label\n");
        for (int i = 0; i < rows; i++) {
            StringBuilder text = new StringBuilder();
            int words = 4 + random.nextInt(4);
            boolean alpha = i % 2 == 0;
            for (int w = 0; w < words; w++) {
                String word = WORDS.get(1 + random.nextInt(WORDS.size() - 1));
                text.append(w == 0 ? "" : " ").append(w == words / 2 && alpha ? "alpha" : word);
            }
            csv.append("n").append(1000 + i).append(",p").append(i).append(',').append(text).append(',')
                    .append(alpha ? "yes" : "no").append('\n');
        }
        return Files.writeString(dir.resolve("toy.csv"), csv);
    }

    /** A two-layer Llama (GQA, untied head) with seeded random weights and a {@code <s> $A} tokenizer. */
    static Path llama(Path dir) throws IOException {
        Files.createDirectories(dir);
        int vocab = tokenizer(dir, List.of("<pad>", "<s>", "</s>", "[UNK]"), "<s>", null);
        LlamaConfig config = LlamaConfig.builder(LlamaConfig.LLAMA).setVocabSize(vocab).setHiddenSize(32)
                .setIntermediateSize(64).setNumHiddenLayers(2).setNumAttentionHeads(4).optNumKeyValueHeads(2)
                .optMaxPositionEmbeddings(64).optPadTokenId(0).optEosTokenIds(List.of(2)).build();
        Files.writeString(dir.resolve("config.json"), RunFiles.JSON.writeValueAsString(config.toHfConfig()));
        write(dir, LlamaCausalLm.builder().setConfig(config).build().hfParameters(), new Random(5));
        return license(dir);
    }

    /** A two-layer {@code BertForMaskedLM} with random weights and a {@code [CLS] $A [SEP]} tokenizer with [MASK]. */
    static Path bertMaskedLm(Path dir) throws IOException {
        Files.createDirectories(dir);
        int vocab = tokenizer(dir, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), "[CLS]", "[SEP]");
        BertConfig config = new BertConfig(vocab, 32, 2, 4, 64, 64, 2, 1e-12, BertConfig.GELU, 0.1, 0.1, 0);
        RunFiles.JSON.writeValue(dir.resolve("config.json").toFile(), config.toHfConfig());
        write(dir, new BertMaskedLm(config).hfParameters(), new Random(9));
        return license(dir);
    }

    /**
     * Writes seeded weights: norm weights 1, biases 0, the rest N(0, 0.3²), large enough that the frozen output
     * layer of a LoRA run can still express a confident prediction.
     */
    private static void write(Path dir, List<HfParameter> parameters, Random random) throws IOException {
        Map<String, WritableTensor> tensors = new TreeMap<>();
        for (HfParameter p : parameters) {
            float[] values = new float[(int) p.shape().size()];
            boolean norm = p.name().toLowerCase(java.util.Locale.ROOT).contains("norm");
            for (int i = 0; i < values.length; i++) {
                values[i] = p.name().endsWith("bias") ? 0f : norm ? 1f : (float) (random.nextGaussian() * 0.3);
            }
            tensors.put(p.name(), WritableTensor.of(values, p.shape()));
        }
        SafetensorsWriter.builder().optMetadata(Map.of("format", "pt")).build()
                .write(dir.resolve("model.safetensors"), tensors);
    }

    private static Path license(Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "---\nlicense: apache-2.0\n---\n# A tiny test model\n");
        return dir;
    }

    /**
     * A lower-casing, whitespace-and-punctuation-splitting WordLevel tokenizer that splits numbers into single
     * digits: the special tokens get ids 0.., then
     * {@link #VOCABULARY}; {@code before} (and {@code after}, when given) frame every text. Returns the vocabulary size.
     */
    private static int tokenizer(Path dir, List<String> specials, String before, String after) throws IOException {
        ObjectNode tokenizer = RunFiles.JSON.createObjectNode();
        tokenizer.put("version", "1.0");
        tokenizer.putNull("truncation");
        tokenizer.putNull("padding");
        ArrayNode added = tokenizer.putArray("added_tokens");
        ObjectNode vocab = RunFiles.JSON.createObjectNode();
        for (int i = 0; i < specials.size(); i++) {
            added.addObject().put("id", i).put("content", specials.get(i)).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
            vocab.put(specials.get(i), i);
        }
        tokenizer.putObject("normalizer").put("type", "Lowercase");
        ObjectNode preTokenizer = tokenizer.putObject("pre_tokenizer").put("type", "Sequence");
        ArrayNode steps = preTokenizer.putArray("pretokenizers");
        steps.addObject().put("type", "Whitespace");
        steps.addObject().put("type", "Digits").put("individual_digits", true);
        ObjectNode post = tokenizer.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", before).put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", before).put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        ObjectNode frame = post.putObject("special_tokens");
        for (String token : after == null ? List.of(before) : List.of(before, after)) {
            ObjectNode entry = frame.putObject(token);
            entry.put("id", token);
            entry.putArray("ids").add(specials.indexOf(token));
            entry.putArray("tokens").add(token);
        }
        if (after != null) {
            single.addObject().putObject("SpecialToken").put("id", after).put("type_id", 0);
            pair.addObject().putObject("SpecialToken").put("id", after).put("type_id", 1);
        }
        tokenizer.putNull("decoder");
        ObjectNode model = tokenizer.putObject("model");
        model.put("type", "WordLevel");
        int next = specials.size();
        for (String word : VOCABULARY) {
            vocab.put(word, next++);
        }
        model.set("vocab", vocab);
        model.put("unk_token", "[UNK]");
        Files.writeString(dir.resolve("tokenizer.json"), RunFiles.JSON.writeValueAsString(tokenizer));
        return next;
    }

    /** A spec for {@code task} over the toy notes, tiny training and {@link #SMALL_PRIVACY}. */
    static Path spec(Path dir, String name, Path csv, Path model, String task, String training) throws IOException {
        return spec(dir, name, csv, model, task, training, SMALL_PRIVACY);
    }

    /**
     * A spec for {@code task} over the toy notes, tiny training; {@code training} is extra YAML under training,
     * {@code privacy} the flow-style YAML of {@code evaluation.privacy}.
     */
    static Path spec(Path dir, String name, Path csv, Path model, String task, String training, String privacy)
            throws IOException {
        String yaml = """
                version: 1
                name: %2$s
                seed: 7
                residency:
                  allowed_roots: [%1$s]
                data:
                  path: %3$s
                  columns: {id: id, group: patient, text: text, label: label}
                  labels: ["yes", "no"]
                split: {train: 0.6, validation: 0.2, test: 0.2}
                model:
                  path: %4$s
                task: %5$s
                training:
                  batch_size: 8
                  epochs: 4
                  warmup_fraction: 0.0
                  weight_decay: 0.0
                  log_every: 2
                  checkpoint_every: 4
                %6$s
                evaluation:
                  bootstrap_samples: 200
                  batch_size: 16
                  generation_examples: 6
                  privacy: %7$s
                output:
                  runs_dir: %1$s/runs
                """.formatted(dir.toAbsolutePath(), name, csv.toAbsolutePath(), model.toAbsolutePath(), task,
                training.indent(2).stripTrailing(), privacy);
        return Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }
}
