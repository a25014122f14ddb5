package dev.enclave.cli;

import ai.djl.ndarray.NDManager;
import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.JsonlScoring;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.TextScorer;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.bert.MaskedLm;
import dev.enclave.model.llama.CausalLm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code enclave score}: per-token log-probabilities of texts under a local causal LM, or their pseudo-log-likelihood
 * under a masked LM, as JSONL.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = "Score texts with a causal LM (Llama, Mistral, Qwen2: log-probability of each token given "
                + "those before it) or a masked LM (BERT family: pseudo-log-likelihood, each token masked in turn), "
                + "optionally with a PEFT LoRA adapter; written as JSONL. The output never repeats the text.",
        footer = {"", "Input lines: {\"id\": ..., \"text\": \"...\"} (id optional). Output lines: "
                + "{\"line\",\"id\",\"token_count\",\"sum_logprob\" or \"pseudo_log_likelihood\",\"token_logprobs\","
                + "\"truncated\"}.",
            "", "Example:", "  enclave score --model models/tiny-llama --input notes.jsonl --output scores.jsonl"})
public final class ScoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ResidencyOptions residency;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Hugging Face style model folder (config.json, model.safetensors, tokenizer.json).")
    private Path model;

    @Option(names = "--adapter", paramLabel = "DIR",
            description = "PEFT LoRA adapter folder (adapter_config.json, adapter_model.safetensors) to apply.")
    private Path adapter;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSONL file of texts.")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "JSONL file to write.")
    private Path output;

    @Option(names = "--batch-size", defaultValue = "8", paramLabel = "N",
            description = "Texts per forward pass of a causal LM (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Override
    public Integer call() {
        try (ResidencyOptions.Scope scope = residency.open(spec.commandLine().getErr());
                NDManager adapterScope = NDManager.newBaseManager()) {
            Path modelDir = scope.check(model, "--model");
            Path inputFile = scope.check(input, "--input");
            Path outputFile = scope.check(output, "--output");
            boolean masked = isMaskedLm(modelDir);
            ProjectionAdapters adapters = adapter == null ? ProjectionAdapters.NONE
                    : PeftAdapters.read(scope.check(adapter, "--adapter"), masked ? BertMaskedLm.ENCODER_PREFIX : "",
                            adapterScope);
            try (TextScorer lm = masked ? MaskedLm.open(modelDir, adapters) : CausalLm.open(modelDir, adapters)) {
                JsonlScoring.Summary summary = JsonlScoring.run(lm, inputFile, outputFile, batchSize);
                spec.commandLine().getOut().printf("Scored %d texts (%d tokens, %d truncated) into %s%n",
                        summary.texts(), summary.tokens(), summary.truncated(), output);
            }
        }
        return 0;
    }

    private static boolean isMaskedLm(Path modelDir) {
        try {
            return "bert".equals(HfModelFolder.open(modelDir).config().path("model_type").asText(""));
        } catch (IOException e) {
            throw EnclaveException.badInput(e.getMessage(), e);
        }
    }
}
