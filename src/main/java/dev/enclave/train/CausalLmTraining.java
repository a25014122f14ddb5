package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.enclave.eval.ExampleLosses;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.llama.LlamaCausalLm;
import dev.enclave.model.llama.LlamaConfig;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.LoraModel;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.prep.PreparedSplits.CausalSequence;
import dev.enclave.privacy.TrainingCanaries;
import dev.enclave.run.RunContext;
import java.util.List;

/**
 * The {@code train} stage for {@code task.type: causal-lm}: fine-tunes a Llama-family model from {@code model.path}
 * (every weight, or LoRA adapters on frozen weights) on the prepared prompt/completion examples or packed sequences,
 * with the loss on loss-masked tokens only ({@link CausalLmLoss}). A packed sequence attends across its examples, as
 * packing without a block-diagonal mask does. Writes {@code model/} ({@code LlamaForCausalLM}-style folder, LoRA
 * merged in) and, for LoRA, {@code adapter/} (PEFT, {@code task_type: CAUSAL_LM}). The base model is the pretrained
 * model itself: only its validation loss is measured. The spec's privacy canaries are added to the train rows here,
 * each as its own unpacked sequence with the loss on every token after the first, never to the prepared data
 * ({@link TrainingCanaries}).
 */
public final class CausalLmTraining {
    private final TrainStage.Start start;

    public CausalLmTraining(TrainStage.Start start) {
        this.start = start;
    }

    /** Trains, exports and summarises; see the class comment. */
    public void run(RunContext run) throws Exception {
        HfModelFolder folder = HfModelFolder.open(run.policy().resolve(run.spec().model().path(), "model.path"));
        LlamaConfig config = LlamaConfig.read(folder);
        List<CausalSequence> prepared = PreparedSplits.readCausal(run, TrainStage.NAME, "train");
        List<CausalSequence> validation = PreparedSplits.readCausal(run, TrainStage.NAME, "validation");
        TrainingCanaries.Inserted<CausalSequence> withCanaries;
        try (TextEncoder encoder = TextEncoder.open(folder.tokenizerFile(), run.spec().task().maxTokens())) {
            withCanaries = TrainingCanaries.causalSequences(prepared, TrainingCanaries.prepare(run, TrainStage.NAME, 0),
                    encoder);
        }
        List<CausalSequence> train = withCanaries.examples();
        LanguageModelFineTuning tuning = new LanguageModelFineTuning(run, prepared.size(), train.size(), start);
        int pad = config.padTokenId();
        int batchSize = run.spec().evaluation().batchSize();
        try (NDManager manager = NDManager.newBaseManager(tuning.devices().get(0))) {
            LoraAdapters adapters = tuning.lora() ? new LoraAdapters(tuning.loraConfig(), run.spec().seed(), manager)
                    : null;
            LlamaCausalLm model = LlamaCausalLm.builder().setConfig(config)
                    .optAdapters(adapters == null ? ProjectionAdapters.NONE : adapters).build();
            model.loadWeights(folder, manager);
            LoraModel lora = adapters == null ? null : adapters.finish(model.hfParameters());
            ReplicatedParameters store = new ReplicatedParameters(manager);
            PretrainedBaseline base = PretrainedBaseline.of(run.spec().model().path(),
                    LanguageModelFineTuning.validationLoss(
                            ExampleLosses.causal(model, store, validation, batchSize, pad, manager)));
            try (AdamW optimiser = new AdamW(manager, run.spec().training().weightDecay(),
                    run.spec().training().clipGradNorm())) {
                TrainingProgress result = tuning.train(lora == null ? model.hfParameters() : lora.parameters(),
                        new TrainingLoop.BatchLoss() {
                            @Override
                            public NDArray loss(NDManager scope, int[] batch) {
                                NDList inputs = CausalBatches.inputs(scope, train, batch, pad);
                                NDArray logits = model.forward(store, inputs.get(0), inputs.get(1), null, true);
                                return CausalLmLoss.completionLoss(logits, inputs.get(0), inputs.get(2));
                            }

                            @Override
                            public long tokens(int[] batch) {
                                return CausalBatches.tokens(train, batch);
                            }
                        }, store, optimiser, manager);
                LanguageModelOutcome tuned = LanguageModelFineTuning.outcome(result, optimiser,
                        ExampleLosses.causal(model, store, validation, batchSize, pad, manager));
                tuning.export(folder, architecture(config), model.hfParameters(), lora, "CAUSAL_LM", manager);
                tuning.summarise(lora, prepared.size(), withCanaries.added(), validation.size(), base, tuned);
            }
        }
    }

    /** The Hugging Face class name of the model type, e.g. {@code Qwen2ForCausalLM}. */
    private static String architecture(LlamaConfig config) {
        return String.valueOf(((List<?>) config.toHfConfig().get("architectures")).get(0));
    }
}
