package dev.enclave.model.bert;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enclave.EnclaveException;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.ScoredText;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.TextScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A BERT-family masked LM loaded from a local Hugging Face folder with its tokenizer, ready to score texts by
 * pseudo-log-likelihood: the masked-LM side of {@code enclave score}. Owns native memory: close it.
 */
public final class MaskedLm implements TextScorer {
    /** Masked copies of a text per forward pass. */
    private static final int ROWS_PER_PASS = 32;
    private static final List<String> MASK_TOKENS = List.of("[MASK]", "<mask>");

    private final NDManager manager;
    private final BertMaskedLm model;
    private final TextEncoder encoder;
    private final long maskTokenId;
    private final ParameterStore parameterStore;

    private MaskedLm(NDManager manager, BertMaskedLm model, TextEncoder encoder, long maskTokenId) {
        this.manager = manager;
        this.model = model;
        this.encoder = encoder;
        this.maskTokenId = maskTokenId;
        this.parameterStore = new ParameterStore(manager, false);
    }

    /**
     * Opens a model folder: config.json, the encoder and masked-LM head weights, and tokenizer.json with its mask
     * token.
     *
     * @param directory the model folder
     * @param adapters adapters for the encoder's projections (e.g. a PEFT LoRA adapter), or
     *     {@link ProjectionAdapters#NONE}
     * @return the loaded model
     * @throws EnclaveException (bad input) naming the folder or file if it is not a masked LM with a mask token
     */
    public static MaskedLm open(Path directory, ProjectionAdapters adapters) {
        NDManager manager = NDManager.newBaseManager();
        TextEncoder encoder = null;
        try {
            HfModelFolder folder = HfModelFolder.open(directory);
            BertConfig config = BertConfig.read(folder);
            long maskTokenId = maskTokenId(folder.tokenizerFile());
            BertMaskedLm model = new BertMaskedLm(config, adapters);
            model.loadWeights(folder, manager);
            encoder = TextEncoder.open(folder.tokenizerFile(), config.maxPositionEmbeddings());
            return new MaskedLm(manager, model, encoder, maskTokenId);
        } catch (IOException | IllegalArgumentException e) {
            close(encoder, manager);
            throw EnclaveException.badInput(e.getMessage(), e);
        } catch (RuntimeException e) {
            close(encoder, manager);
            throw e;
        }
    }

    /**
     * The id of the tokenizer's mask token ({@code [MASK]} or {@code <mask>}), from its added tokens or vocabulary.
     *
     * @param tokenizerFile a Hugging Face tokenizer.json
     * @return the id
     * @throws IOException naming the file if it has no mask token
     */
    public static long maskTokenId(Path tokenizerFile) throws IOException {
        JsonNode tokenizer = new ObjectMapper().readTree(tokenizerFile.toFile());
        for (JsonNode added : tokenizer.path("added_tokens")) {
            if (MASK_TOKENS.contains(added.path("content").asText())) {
                return added.path("id").asLong();
            }
        }
        JsonNode vocab = tokenizer.path("model").path("vocab");
        for (String token : MASK_TOKENS) {
            if (vocab.path(token).isIntegralNumber()) {
                return vocab.path(token).asLong();
            }
        }
        throw new IOException(tokenizerFile + ": no mask token (" + String.join(" or ", MASK_TOKENS)
                + ") among added_tokens or in model.vocab: a masked LM needs one");
    }

    /** The sum over tokens of each token's log-probability when it alone is masked. */
    @Override
    public String measure() {
        return "pseudo_log_likelihood";
    }

    /**
     * Scores texts by pseudo-log-likelihood, one at a time.
     *
     * @throws EnclaveException (bad input) if the token ids do not fit the model (a tokenizer of another model)
     */
    @Override
    public List<ScoredText> scoreTexts(List<String> texts) {
        List<ScoredText> scores = new ArrayList<>(texts.size());
        try {
            for (EncodedText text : encoder.encodeAll(texts)) {
                PseudoLogLikelihood.Score score = PseudoLogLikelihood.score(model, parameterStore, manager, text,
                        maskTokenId, ROWS_PER_PASS);
                scores.add(new ScoredText(text.length(), score.tokenLogProbs(), text.truncated()));
            }
        } catch (IllegalArgumentException e) {
            throw EnclaveException.badInput(e.getMessage(), e);
        }
        return scores;
    }

    /** Releases the weights and the tokenizer. */
    @Override
    public void close() {
        close(encoder, manager);
    }

    private static void close(TextEncoder encoder, NDManager manager) {
        if (encoder != null) {
            encoder.close();
        }
        manager.close();
    }
}
