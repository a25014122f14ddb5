package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.enclave.eval.ExampleLosses;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.LoraModel;
import dev.enclave.prep.PreparedSplits;
import dev.enclave.privacy.TrainingCanaries;
import dev.enclave.run.RunContext;
import java.util.List;

/**
 * The {@code train} stage for {@code task.type: masked-lm}: fine-tunes a BERT-family model with its masked-LM head
 * ({@code BertForMaskedLM} weights in {@code model.path}; every weight, or LoRA adapters on the frozen encoder) with
 * seeded dynamic masking ({@link MaskedLmMasking}, round = step) and {@code training.dropout} in the encoder. Writes
 * {@code model/} ({@code BertForMaskedLM} folder, LoRA merged in) and, for LoRA, {@code adapter/}. The adapter's
 * {@code task_type} is null: PEFT has no masked-LM task type, and a null task type makes
 * {@code PeftModel.from_pretrained} wrap the loaded {@code BertForMaskedLM} as it is (the base {@code PeftModel}),
 * which is what PEFT itself writes for a model it has no task class for. The base model is the pretrained model
 * itself: only its validation loss (validation split masked as in evaluation, round 0) is measured. The spec's
 * privacy canaries are added to the train examples here, encoded like prepared texts, never to the prepared data
 * ({@link TrainingCanaries}).
 */
public final class MaskedLmTraining {
    private final TrainStage.Start start;

    public MaskedLmTraining(TrainStage.Start start) {
        this.start = start;
    }

    /** Trains, exports and summarises; see the class comment. */
    public void run(RunContext run) throws Exception {
        HfModelFolder folder = HfModelFolder.open(run.policy().resolve(run.spec().model().path(), "model.path"));
        BertConfig pretrained = BertConfig.read(folder);
        double dropout = run.spec().training().dropout();
        BertConfig config = new BertConfig(pretrained.vocabSize(), pretrained.hiddenSize(),
                pretrained.numHiddenLayers(), pretrained.numAttentionHeads(), pretrained.intermediateSize(),
                pretrained.maxPositionEmbeddings(), pretrained.typeVocabSize(), pretrained.layerNormEps(),
                pretrained.hiddenAct(), dropout, dropout, pretrained.padTokenId());
        MaskedLmMasking masking = new MaskedLmMasking(MaskedLmVocabulary.of(folder, config.vocabSize()),
                run.spec().seed());
        List<Example> prepared = PreparedSplits.read(run, TrainStage.NAME, "train");
        List<Example> validation = PreparedSplits.read(run, TrainStage.NAME, "validation");
        TrainingCanaries.Inserted<Example> withCanaries;
        try (TextEncoder encoder = TextEncoder.open(folder.tokenizerFile(), run.spec().task().maxTokens())) {
            withCanaries = TrainingCanaries.examples(prepared, TrainingCanaries.prepare(run, TrainStage.NAME, 0),
                    encoder);
        }
        List<Example> train = withCanaries.examples();
        LanguageModelFineTuning tuning = new LanguageModelFineTuning(run, prepared.size(), train.size(), start);
        int pad = config.padTokenId();
        int batchSize = run.spec().evaluation().batchSize();
        try (NDManager manager = NDManager.newBaseManager(tuning.devices().get(0))) {
            LoraAdapters adapters = tuning.lora() ? new LoraAdapters(tuning.loraConfig(), run.spec().seed(), manager)
                    : null;
            BertMaskedLm model = new BertMaskedLm(config, adapters == null ? ProjectionAdapters.NONE : adapters);
            model.loadWeights(folder, manager);
            LoraModel lora = adapters == null ? null : adapters.finish(model.hfParameters());
            ReplicatedParameters store = new ReplicatedParameters(manager);
            PretrainedBaseline base = PretrainedBaseline.of(run.spec().model().path(),
                    LanguageModelFineTuning.validationLoss(
                            ExampleLosses.masked(model, store, validation, masking, 0, batchSize, pad, manager)));
            try (AdamW optimiser = new AdamW(manager, run.spec().training().weightDecay(),
                    run.spec().training().clipGradNorm())) {
                TrainingProgress result = tuning.train(lora == null ? model.hfParameters() : lora.parameters(),
                        new TrainingLoop.BatchLoss() {
                            private int round;

                            @Override
                            public void beginStep(int step) {
                                round = step;
                            }

                            @Override
                            public NDArray loss(NDManager scope, int[] batch) {
                                NDList inputs = masking.batch(scope, train, batch, round, pad);
                                NDArray labels = inputs.remove(3);
                                NDArray logits = model.forward(store, inputs, true).singletonOrThrow();
                                return MaskedLmMasking.meanLoss(logits, labels);
                            }

                            @Override
                            public long tokens(int[] batch) {
                                return ExampleBatches.tokens(train, batch);
                            }
                        }, store, optimiser, manager);
                LanguageModelOutcome tuned = LanguageModelFineTuning.outcome(result, optimiser,
                        ExampleLosses.masked(model, store, validation, masking, 0, batchSize, pad, manager));
                tuning.export(folder, "BertForMaskedLM", model.hfParameters(), lora, null, manager);
                tuning.summarise(lora, prepared.size(), withCanaries.added(), validation.size(), base, tuned);
            }
        }
    }
}
