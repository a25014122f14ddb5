package dev.enclave.cli;

import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.lora.LoraConfig;
import dev.enclave.run.RunFiles;
import dev.enclave.spec.LoraSpec;
import dev.enclave.train.BenchSubject;
import dev.enclave.model.llama.LlamaConfig;
import dev.enclave.model.llama.LlamaShapes;
import dev.enclave.train.BertBenchSubject;
import dev.enclave.train.LlamaBenchSubject;
import dev.enclave.train.TrainBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code enclave bench ...}: measurements of this machine. */
@Command(name = "bench", description = "Measure this machine.", subcommands = {BenchCommand.Train.class, BenchPrepareCommand.class, BenchDeidCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code enclave bench train}: matmul rate, training throughput and their ratio. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Measure the fp32 matmul rate and the training throughput of a model on synthetic tokens.",
            footer = {"", "Training FLOPs per token: full 6*P, LoRA 4*P + 6*P_lora (P: parameters of the matrix",
                "products; attention scores not counted).", "", "Example:",
                "  enclave bench train --llama-preset cpu512 --batch 4 --seq 256",
                "  enclave bench train --model models/all-minilm-l6-v2 --method lora --out target/bench/minilm.json"})
    static final class Train implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Subject subject;

        /** What to train: a model folder or a preset shape. */
        static final class Subject {
            @Option(names = "--model", paramLabel = "DIR",
                    description = "Hugging Face style model folder (BERT or Llama family) to train.")
            Path model;

            @Option(names = "--llama-preset", paramLabel = "NAME",
                    description = "A Llama shape with random weights: cpu512 (hidden 512, 8 layers, vocab 32000).")
            String llamaPreset;
        }

        @Option(names = "--method", defaultValue = "full", description = "full or lora (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--batch", defaultValue = "8", description = "Sequences per step (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--seq", defaultValue = "128", description = "Tokens per sequence (default: ${DEFAULT-VALUE}).")
        int sequenceLength;

        @Option(names = "--steps", defaultValue = "10", description = "Timed steps (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--warmup", defaultValue = "2",
                description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--lora-rank", defaultValue = "8", description = "LoRA rank (default: ${DEFAULT-VALUE}).")
        int loraRank;

        @Option(names = "--lora-targets", defaultValue = LoraSpec.DEFAULT_TARGETS,
                description = "LoRA target modules (default: ${DEFAULT-VALUE}).")
        String loraTargets;

        @Option(names = "--matmul-size", defaultValue = "2048",
                description = "n of the n x n matmul probe (default: ${DEFAULT-VALUE}).")
        int matmulSize;

        @Option(names = "--threads", paramLabel = "N",
                description = "Intra-op threads of the engine (default: the engine's choice, one per core).")
        Integer threads;

        @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", defaultValue = "target/bench/train.json",
                description = "JSON file for the figures (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (batch <= 0 || sequenceLength <= 0 || steps <= 0 || warmup < 0 || matmulSize <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--batch, --seq, --steps and --matmul-size must be positive, --warmup not negative");
            }
            if (!method.equals("full") && !method.equals("lora")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--method must be full or lora");
            }
            if (threads != null) {
                if (threads <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be positive");
                }
                System.setProperty("ai.djl.pytorch.num_threads", threads.toString());
            }
            LoraConfig lora = method.equals("lora") ? LoraConfig.of(loraRank, 2.0 * loraRank, 0.0, loraTargets) : null;
            TrainBenchmark.Result result = TrainBenchmark.run(factory(),
                    new TrainBenchmark.Settings(batch, sequenceLength, warmup, steps, lora, matmulSize, seed));
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf(java.util.Locale.ROOT, "matmul fp32 %d^3: %.1f GFLOP/s (%d threads, %d cores)%n",
                    matmulSize, result.matmulGflops(), result.threads(), result.cores());
            printer.printf(java.util.Locale.ROOT, "training %s, %s, %d x %d tokens, %d steps: %.0f tokens/s, "
                    + "%.1f GFLOP/s (%s, P = %,d, P_lora = %,d)%n", result.method(), result.model(), batch,
                    sequenceLength, steps, result.tokensPerSecond(), result.trainGflops(), result.formula(),
                    result.matmulParameters(), result.adapterParameters());
            printer.printf(java.util.Locale.ROOT, "ratio: %.2f of the matmul rate (fastest step: %.2f)%n",
                    result.ratio(), result.fastestStepRatio());
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, RunFiles.JSON.writeValueAsString(result) + "\n");
            printer.println("wrote " + out);
            return 0;
        }

        private BenchSubject.Factory factory() {
            if (subject.llamaPreset != null) {
                if (!subject.llamaPreset.equals("cpu512")) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--llama-preset: unknown preset '" + subject.llamaPreset + "' (known: cpu512)");
                }
                return LlamaBenchSubject.random(subject.llamaPreset, LlamaShapes.cpuBench());
            }
            HfModelFolder folder;
            try {
                folder = HfModelFolder.open(subject.model);
            } catch (IOException e) {
                throw EnclaveException.badInput(e.getMessage(), e);
            }
            String modelType = folder.config().path("model_type").asText("");
            if (modelType.equals("bert")) {
                return BertBenchSubject.from(folder);
            }
            if (LlamaConfig.MODEL_TYPES.contains(modelType)) {
                return LlamaBenchSubject.from(folder);
            }
            throw EnclaveException.badInput(folder.configFile() + ": model_type '" + modelType
                    + "' is neither bert nor a Llama family type " + LlamaConfig.MODEL_TYPES);
        }
    }
}
