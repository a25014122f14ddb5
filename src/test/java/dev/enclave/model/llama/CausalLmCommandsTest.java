package dev.enclave.model.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.cli.EnclaveCommand;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.LoraConfig;
import dev.enclave.model.lora.LoraModel;
import dev.enclave.model.lora.PeftAdapter;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;

import ai.djl.ndarray.NDManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** {@code enclave score} and {@code enclave generate} on the fixture checkpoints. */
class CausalLmCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String stdout, String stderr) {}

    /** Runs a command with the working directory (fixtures) and the temporary folder as allowed roots. */
    private Outcome run(String... args) {
        List<String> withRoots = new ArrayList<>(List.of(args));
        withRoots.addAll(List.of("--allowed-root", ".", "--allowed-root", dir.toString()));
        return runAsIs(withRoots.toArray(String[]::new));
    }

    private static Outcome runAsIs(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int code = EnclaveCommand.execute(args);
            return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** log_softmax of the reference logits at each next token. */
    private static double[] referenceLogProbs(LlamaFixtures.Sequence sequence) {
        double[] out = new double[sequence.ids().length - 1];
        for (int t = 0; t < out.length; t++) {
            float[] row = sequence.logits()[t];
            double max = Double.NEGATIVE_INFINITY;
            for (float value : row) {
                max = Math.max(max, value);
            }
            double sum = 0;
            for (float value : row) {
                sum += Math.exp(value - max);
            }
            out[t] = row[(int) sequence.ids()[t + 1]] - max - Math.log(sum);
        }
        return out;
    }

    @Test
    void scoreWritesPerTokenLogProbabilitiesWithoutTheText() throws IOException {
        Path input = dir.resolve("texts.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\": \"a\", \"text\": \"The patient was seen today for pain . left fever </s>\"}",
                "",
                "{\"id\": 7, \"text\": \"no history of cough mild\"}",
                "{\"text\": \"\"}") + "\n");
        Path output = dir.resolve("scores.jsonl");
        Outcome outcome = run("score", "--model", LlamaFixtures.folder("llama-gqa").toString(), "--input",
                input.toString(), "--output", output.toString(), "--batch-size", "2");
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stdout().contains("Scored 3 texts (19 tokens, 0 truncated)"), outcome.stdout());

        List<String> lines = Files.readAllLines(output);
        assertEquals(3, lines.size());
        List<LlamaFixtures.Sequence> sequences = LlamaFixtures.sequences("llama-gqa");
        int[] inputLines = {1, 3};
        for (int i = 0; i < 2; i++) {
            JsonNode record = JSON.readTree(lines.get(i));
            assertEquals(inputLines[i], record.get("line").asInt());
            assertEquals(sequences.get(i).ids().length, record.get("token_count").asInt());
            double[] expected = referenceLogProbs(sequences.get(i));
            JsonNode actual = record.get("token_logprobs");
            assertEquals(expected.length, actual.size());
            double sum = 0;
            for (int t = 0; t < expected.length; t++) {
                assertEquals(expected[t], actual.get(t).asDouble(), 1e-4, "line " + inputLines[i] + " token " + t);
                sum += expected[t];
            }
            assertEquals(sum, record.get("sum_logprob").asDouble(), 1e-3);
            assertFalse(record.get("truncated").asBoolean());
            assertFalse(lines.get(i).contains("patient") || lines.get(i).contains("cough"), "no text in the output");
        }
        assertEquals("a", JSON.readTree(lines.get(0)).get("id").asText());
        assertEquals(7, JSON.readTree(lines.get(1)).get("id").asInt());
        JsonNode empty = JSON.readTree(lines.get(2));
        assertEquals(1, empty.get("token_count").asInt(), "only <s>");
        assertEquals(0, empty.get("token_logprobs").size());
    }

    @Test
    void scoreRefusesBadInputWithExitCode2() throws IOException {
        String model = LlamaFixtures.folder("qwen2-bias").toString();
        Path input = dir.resolve("bad.jsonl");
        Files.writeString(input, "{\"text\": \"fever\"}\n{\"text\": [\"secret words\"]}\n");
        Outcome bad = run("score", "--model", model, "--input", input.toString(), "--output",
                dir.resolve("out.jsonl").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().strip().endsWith("\nERROR: " + input + ":2: field 'text' must be a string")
                || bad.stderr().strip().equals("ERROR: " + input + ":2: field 'text' must be a string"), bad.stderr());
        assertFalse(bad.stderr().contains("secret"), "the record's content is not printed");

        Outcome adapter = run("score", "--model", model, "--adapter", dir.toString(), "--input", input.toString(),
                "--output", dir.resolve("out.jsonl").toString());
        assertEquals(2, adapter.exitCode());
        assertTrue(adapter.stderr().contains("ERROR: --adapter: " + dir.toRealPath().resolve("adapter_config.json")),
                adapter.stderr());

        Outcome outside = runAsIs("score", "--model", model, "--input", input.toString(), "--output",
                dir.resolve("out.jsonl").toString());
        assertEquals(2, outside.exitCode());
        assertTrue(outside.stderr().contains("residency: --input: " + input.toRealPath()
                + " is outside the allowed roots"), outside.stderr());

        Path bert = Files.createDirectories(dir.resolve("bert"));
        Files.writeString(bert.resolve("config.json"), "{\"model_type\": \"bert\"}");
        Files.writeString(bert.resolve("tokenizer.json"), "{}");
        Files.writeString(bert.resolve("model.safetensors"), "");
        Outcome masked = run("score", "--model", bert.toString(), "--input", input.toString(), "--output",
                dir.resolve("out.jsonl").toString());
        assertEquals(2, masked.exitCode());
        assertTrue(masked.stderr().contains(bert.toRealPath().resolve("config.json").toString()), masked.stderr());

        Outcome generateBert = run("generate", "--model", bert.toString(), "--prompt", "fever");
        assertEquals(2, generateBert.exitCode());
        assertTrue(generateBert.stderr().contains("model_type 'bert' is a masked LM, not a causal LM"),
                generateBert.stderr());
    }

    @Test
    void aTokenizerOfAnotherModelOrAnOverlongPromptIsBadInput() throws IOException {
        LlamaConfig small = LlamaConfig.builder(LlamaConfig.LLAMA).setVocabSize(20).setHiddenSize(16)
                .setIntermediateSize(32).setNumHiddenLayers(1).setNumAttentionHeads(2).optMaxPositionEmbeddings(4)
                .build();
        Path folder = Files.createDirectories(dir.resolve("small"));
        JSON.writeValue(folder.resolve("config.json").toFile(), small.toHfConfig());
        Files.copy(LlamaFixtures.folder("llama-gqa").resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, WritableTensor> tensors = new TreeMap<>();
            LlamaCausalLm.random(small, 1, manager).hfParameters()
                    .forEach(p -> tensors.put(p.name(), WritableTensor.of(p.parameter().getArray())));
            SafetensorsWriter.builder().build().write(folder.resolve("model.safetensors"), tensors);
        }
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"rest .\"}\n");
        Outcome mismatch = run("score", "--model", folder.toString(), "--input", input.toString(), "--output",
                dir.resolve("out.jsonl").toString());
        assertEquals(2, mismatch.exitCode(), mismatch.stderr());
        assertTrue(mismatch.stderr().contains("input_ids hold ids in [1, 29] but config.json vocab_size is 20"),
                mismatch.stderr());

        Outcome overlong = run("generate", "--model", folder.toString(), "--prompt", "the a the a the");
        assertEquals(2, overlong.exitCode(), overlong.stderr());
        assertTrue(overlong.stderr().contains("the prompt is longer than the model's 4 tokens"), overlong.stderr());
    }

    @Test
    void generateContinuesGreedilyOrBySeededSampling() {
        String model = LlamaFixtures.folder("llama-gqa").toString();
        Outcome greedy = run("generate", "--model", model, "--prompt", "the patient was", "--max-new-tokens", "6");
        assertEquals(0, greedy.exitCode(), greedy.stderr());
        // reference greedy ids 11 0 24 12 18 27: "<pad>" (0) is special and left out of the text
        assertEquals("pain follow in no plan", greedy.stdout().strip());
        assertTrue(greedy.stderr().contains("6 new tokens, stopped at --max-new-tokens"), greedy.stderr());

        String[] sample = {"generate", "--model", model, "--prompt", "no history of", "--max-new-tokens", "8",
            "--top-p", "0.9", "--temperature", "1.5", "--seed", "11"};
        Outcome first = run(sample);
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(first.stdout(), run(sample).stdout());

        Outcome invalid = run("generate", "--model", model, "--prompt", "x", "--top-p", "1.5");
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.stderr().contains("top-p must be in (0, 1], got 1.5"), invalid.stderr());
    }

    @Test
    void scoreAndGenerateApplyAPeftAdapterAsTheMergedModelWould() throws IOException {
        Path base = LlamaFixtures.folder("llama-gqa");
        Path adapterDir = dir.resolve("adapter");
        Path merged = Files.createDirectories(dir.resolve("merged"));
        try (NDManager manager = NDManager.newBaseManager()) {
            LlamaConfig config = LlamaConfig.read(LlamaFixtures.open("llama-gqa"));
            LoraAdapters adapters = new LoraAdapters(LoraConfig.of(2, 4, 0, "q_proj|v_proj|down_proj"), 3, manager);
            LlamaCausalLm model = LlamaCausalLm.builder().setConfig(config).optAdapters(adapters).build();
            model.loadWeights(LlamaFixtures.open("llama-gqa"), manager);
            LoraModel lora = adapters.finish(model.hfParameters());
            Random random = new Random(5);
            for (HfParameter parameter : lora.parameters()) {
                float[] values = new float[(int) parameter.shape().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian() * 0.3f;
                }
                parameter.parameter().getArray().set(values);
            }
            PeftAdapter.builder().setBaseModel(base.toString()).optTaskType("CAUSAL_LM").build()
                    .write(lora, adapterDir);
            Map<String, WritableTensor> tensors = new TreeMap<>();
            lora.merged(model.hfParameters(), manager)
                    .forEach(p -> tensors.put(p.name(), WritableTensor.of(p.parameter().getArray())));
            SafetensorsWriter.builder().build().write(merged.resolve("model.safetensors"), tensors);
        }
        Files.copy(base.resolve("config.json"), merged.resolve("config.json"));
        Files.copy(base.resolve("tokenizer.json"), merged.resolve("tokenizer.json"));
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"the patient was seen today\"}\n");

        Outcome withAdapter = run("score", "--model", base.toString(), "--adapter", adapterDir.toString(), "--input",
                input.toString(), "--output", dir.resolve("adapted.jsonl").toString());
        assertEquals(0, withAdapter.exitCode(), withAdapter.stderr());
        assertEquals(0, run("score", "--model", merged.toString(), "--input", input.toString(), "--output",
                dir.resolve("merged.jsonl").toString()).exitCode());
        assertEquals(0, run("score", "--model", base.toString(), "--input", input.toString(), "--output",
                dir.resolve("base.jsonl").toString()).exitCode());
        double adapted = JSON.readTree(Files.readString(dir.resolve("adapted.jsonl"))).get("sum_logprob").asDouble();
        double viaMerge = JSON.readTree(Files.readString(dir.resolve("merged.jsonl"))).get("sum_logprob").asDouble();
        double plain = JSON.readTree(Files.readString(dir.resolve("base.jsonl"))).get("sum_logprob").asDouble();
        assertEquals(viaMerge, adapted, 1e-3, "base + adapter scores as the merged model");
        assertTrue(Math.abs(plain - adapted) > 1e-2, "the adapter changes the scores");

        Outcome generated = run("generate", "--model", base.toString(), "--adapter", adapterDir.toString(), "--prompt",
                "the patient was", "--max-new-tokens", "5");
        assertEquals(0, generated.exitCode(), generated.stderr());
        assertEquals(run("generate", "--model", merged.toString(), "--prompt", "the patient was",
                "--max-new-tokens", "5").stdout(), generated.stdout());
    }
}
