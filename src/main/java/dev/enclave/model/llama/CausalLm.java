package dev.enclave.model.llama;

import dev.enclave.model.ProjectionAdapters;
import dev.enclave.EnclaveException;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ScoredText;
import dev.enclave.model.TextScorer;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.bert.BertInputs;
import dev.enclave.model.bert.WeightLoadReport;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A causal LM loaded from a local Hugging Face folder with its tokenizer, ready to score texts and generate: the
 * service behind {@code enclave score} and {@code enclave generate}. Owns native memory: close it.
 */
public final class CausalLm implements TextScorer {

    private final LlamaConfig config;
    private final NDManager manager;
    private final LlamaCausalLm model;
    private final TextEncoder encoder;
    private final WeightLoadReport loadReport;
    private final ParameterStore parameterStore;

    private CausalLm(LlamaConfig config, NDManager manager, LlamaCausalLm model, TextEncoder encoder,
            WeightLoadReport loadReport) {
        this.config = config;
        this.manager = manager;
        this.model = model;
        this.encoder = encoder;
        this.loadReport = loadReport;
        this.parameterStore = new ParameterStore(manager, false);
    }

    /**
     * Opens a model folder: reads config.json, streams the weights into a new model, opens tokenizer.json with the
     * context length as maximum.
     *
     * @param directory the model folder
     * @param adapters adapters for the projections (e.g. a PEFT LoRA adapter), or {@link ProjectionAdapters#NONE}
     * @return the loaded model
     * @throws EnclaveException (bad input) naming the folder or file if it is not a supported causal LM
     */
    public static CausalLm open(Path directory, ProjectionAdapters adapters) {
        HfModelFolder folder;
        try {
            folder = HfModelFolder.open(directory);
        } catch (IOException e) {
            throw EnclaveException.badInput(e.getMessage(), e);
        }
        String modelType = folder.config().path("model_type").asText("");
        if ("bert".equals(modelType)) {
            throw EnclaveException.badInput(folder.configFile() + ": model_type 'bert' is a masked LM, not a causal "
                    + "LM: it cannot generate");
        }
        LlamaConfig config;
        try {
            config = LlamaConfig.read(folder);
        } catch (IllegalArgumentException e) {
            throw EnclaveException.badInput(e.getMessage(), e);
        }
        int maxLength = config.slidingWindow() > 0
                ? Math.min(config.slidingWindow(), config.maxPositionEmbeddings()) : config.maxPositionEmbeddings();
        NDManager manager = NDManager.newBaseManager();
        TextEncoder encoder = null;
        try {
            LlamaCausalLm model = LlamaCausalLm.builder().setConfig(config).optAdapters(adapters).build();
            WeightLoadReport report = model.loadWeights(folder, manager);
            encoder = TextEncoder.open(folder.tokenizerFile(), Math.max(2, maxLength));
            return new CausalLm(config, manager, model, encoder, report);
        } catch (IOException e) {
            manager.close();
            throw EnclaveException.badInput(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (encoder != null) {
                encoder.close();
            }
            manager.close();
            throw e;
        }
    }

    /**
     * Returns the configuration.
     *
     * @return the model shape
     */
    public LlamaConfig config() {
        return config;
    }

    /**
     * Returns the model block, e.g. for training.
     *
     * @return the loaded model
     */
    public LlamaCausalLm model() {
        return model;
    }

    /**
     * Returns what the weight load read and ignored.
     *
     * @return the load report
     */
    public WeightLoadReport loadReport() {
        return loadReport;
    }

    /**
     * Scores texts in one right-padded batch.
     *
     * @param texts the texts; one that encodes to no tokens gets an empty score
     * @return one score per text, in order
     * @throws EnclaveException (bad input) if the token ids do not fit the model (a tokenizer of another model)
     */
    public List<SequenceScore> score(List<String> texts) {
        try {
            return scoreBatch(encoder.encodeAll(texts));
        } catch (IllegalArgumentException e) {
            throw EnclaveException.badInput(e.getMessage(), e);
        }
    }

    /** The log-likelihood of each text after its first token. */
    @Override
    public String measure() {
        return "sum_logprob";
    }

    @Override
    public List<ScoredText> scoreTexts(List<String> texts) {
        return score(texts).stream()
                .map(score -> new ScoredText(score.tokenCount(), score.tokenLogProbs(), score.truncated()))
                .toList();
    }

    private List<SequenceScore> scoreBatch(List<EncodedText> encoded) {
        List<EncodedText> nonEmpty = encoded.stream().filter(text -> text.length() > 0).toList();
        List<SequenceScore> scores = new ArrayList<>(encoded.size());
        try (NDManager batch = manager.newSubManager()) {
            float[] values = new float[0];
            long width = 0;
            if (!nonEmpty.isEmpty()) {
                NDList inputs = BertInputs.batch(batch, nonEmpty, config.padTokenId());
                NDArray logits = model.forward(parameterStore, inputs.get(0), inputs.get(1), null, false);
                NDArray logProbs = TokenLogProbs.of(logits, inputs.get(0));
                width = logProbs.getShape().get(1);
                values = logProbs.toFloatArray();
            }
            int row = 0;
            for (EncodedText text : encoded) {
                float[] own = new float[0];
                if (text.length() > 0) {
                    int from = Math.toIntExact(row++ * width);
                    own = Arrays.copyOfRange(values, from, from + text.length() - 1);
                }
                scores.add(new SequenceScore(text.length(), own, text.truncated()));
            }
        }
        return scores;
    }

    /**
     * Continues a prompt.
     *
     * @param prompt the prompt text, encoded with the tokenizer's special tokens (e.g. BOS)
     * @param settings decoding settings
     * @return the prompt and new token ids
     * @throws EnclaveException (bad input) if the prompt is empty, too long, or its ids do not fit the model
     */
    public Generation generate(String prompt, GenerationSettings settings) {
        EncodedText encoded = encoder.encode(prompt);
        if (encoded.length() == 0) {
            throw EnclaveException.badInput("the prompt encodes to no tokens");
        }
        if (encoded.truncated()) {
            throw EnclaveException.badInput("the prompt is longer than the model's " + encoder.maxLength()
                    + " tokens");
        }
        try {
            return Generator.generate(model, parameterStore, manager, encoded.inputIds(), settings);
        } catch (IllegalArgumentException e) {
            throw EnclaveException.badInput(e.getMessage(), e);
        }
    }

    /**
     * Turns token ids into text, leaving out special tokens.
     *
     * @param ids the token ids
     * @return the text
     */
    public String decode(long[] ids) {
        return encoder.decode(ids, true);
    }

    /** Releases the weights and the tokenizer. */
    @Override
    public void close() {
        encoder.close();
        manager.close();
    }
}
