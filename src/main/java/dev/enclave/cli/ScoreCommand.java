package dev.enclave.cli;

import dev.enclave.EnclaveException;
import dev.enclave.model.llama.CausalLm;
import dev.enclave.model.llama.JsonlScoring;
import dev.enclave.model.ProjectionAdapters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code enclave score}: per-token log-probabilities of texts under a local causal LM, as JSONL. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = "Score texts with a causal LM (Llama, Mistral, Qwen2): token count and per-token "
                + "log-probabilities per text, written as JSONL. The output never repeats the text.",
        footer = {"", "Input lines: {\"id\": ..., \"text\": \"...\"} (id optional). Output lines: "
                + "{\"line\",\"id\",\"token_count\",\"sum_logprob\",\"token_logprobs\",\"truncated\"}.",
            "", "Example:", "  enclave score --model models/tiny-llama --input notes.jsonl --output scores.jsonl"})
public final class ScoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Hugging Face style model folder (config.json, model.safetensors, tokenizer.json).")
    private Path model;

    @Option(names = "--adapter", paramLabel = "DIR", description = "PEFT adapter folder to apply to the model.")
    private Path adapter;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSONL file of texts.")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "JSONL file to write.")
    private Path output;

    @Option(names = "--batch-size", defaultValue = "8", paramLabel = "N",
            description = "Texts per forward pass (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Override
    public Integer call() {
        try (CausalLm lm = CausalLm.open(model, adapters(adapter))) {
            JsonlScoring.Summary summary = JsonlScoring.run(lm, input, output, batchSize);
            spec.commandLine().getOut().printf("Scored %d texts (%d tokens, %d truncated) into %s%n",
                    summary.texts(), summary.tokens(), summary.truncated(), output);
        }
        return 0;
    }

    private static ProjectionAdapters adapters(Path adapter) {
        if (adapter == null) {
            return ProjectionAdapters.NONE;
        }
        // TODO(lora): build the ProjectionAdapters from the PEFT folder with the LoRA loader of
        // dev.enclave.model.lora once it is merged; its blocks carry the adapter weights.
        throw EnclaveException.badInput("--adapter " + adapter + ": applying PEFT adapters is not supported yet");
    }
}
