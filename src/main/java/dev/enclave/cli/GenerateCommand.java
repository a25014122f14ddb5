package dev.enclave.cli;

import ai.djl.ndarray.NDManager;
import dev.enclave.model.llama.CausalLm;
import dev.enclave.model.llama.Generation;
import dev.enclave.model.llama.GenerationSettings;
import dev.enclave.model.ProjectionAdapters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code enclave generate}: continues a prompt with a local causal LM, greedily or by seeded top-p sampling. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Continue a prompt with a causal LM (Llama, Mistral, Qwen2). Greedy unless --top-p or "
                + "--temperature is given; sampling is seeded. Prints the continuation.",
        footer = {"", "Examples:", "  enclave generate --model models/tiny-llama --prompt \"the patient was\"",
            "  enclave generate --model models/tiny-llama --prompt \"the patient was\" --top-p 0.9 "
                    + "--temperature 0.7 --seed 7"})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Hugging Face style model folder (config.json, model.safetensors, tokenizer.json).")
    private Path model;

    @Mixin
    private ResidencyOptions residency;

    @Option(names = "--adapter", paramLabel = "DIR",
            description = "PEFT LoRA adapter folder (adapter_config.json, adapter_model.safetensors) to apply.")
    private Path adapter;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "The text to continue.")
    private String prompt;

    @Option(names = "--max-new-tokens", defaultValue = "32", paramLabel = "N",
            description = "Most tokens to add (default: ${DEFAULT-VALUE}); stops earlier at end of sequence.")
    private int maxNewTokens;

    @Option(names = "--top-p", paramLabel = "P", description = "Sample from the smallest set of tokens whose "
            + "probabilities add up to P, in (0, 1] (default when sampling: 1).")
    private Double topP;

    @Option(names = "--temperature", paramLabel = "T",
            description = "Divide logits by T before sampling (default when sampling: 1).")
    private Double temperature;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        GenerationSettings settings = settings();
        try (ResidencyOptions.Scope scope = residency.open(spec.commandLine().getErr());
                NDManager adapterScope = NDManager.newBaseManager()) {
            ProjectionAdapters adapters = adapter == null ? ProjectionAdapters.NONE
                    : PeftAdapters.read(scope.check(adapter, "--adapter"), "", adapterScope);
            generate(scope.check(model, "--model"), adapters, settings);
        }
        return 0;
    }

    private void generate(Path modelDir, ProjectionAdapters adapters, GenerationSettings settings) {
        try (CausalLm lm = CausalLm.open(modelDir, adapters)) {
            Generation generation = lm.generate(prompt, settings);
            spec.commandLine().getOut().println(lm.decode(generation.newIds()));
            spec.commandLine().getErr().printf("(%d new tokens, stopped at %s)%n", generation.newIds().length,
                    generation.stop() == Generation.Stop.END_OF_SEQUENCE ? "end of sequence" : "--max-new-tokens");
        }
    }

    private GenerationSettings settings() {
        try {
            if (topP == null && temperature == null) {
                return GenerationSettings.greedy(maxNewTokens);
            }
            return GenerationSettings.topP(maxNewTokens, topP == null ? 1.0 : topP,
                    temperature == null ? 1.0 : temperature, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
