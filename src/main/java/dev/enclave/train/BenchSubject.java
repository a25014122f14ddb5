package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.enclave.model.lora.LoraConfig;
import java.util.List;
import java.util.Map;

/**
 * A model under {@link TrainBenchmark}: built with its trainable parameters chosen (every weight, or LoRA adapters on
 * frozen weights), with a training loss over a batch of token ids.
 */
public interface BenchSubject {

    /** What the model is, for the report (family, shape, source). */
    String description();

    /** Number of token ids; the benchmark draws ids from [4, vocabSize). */
    int vocabSize();

    /** Parameters of the model's matrix products (linear weights and any output projection), LoRA excluded. */
    long matmulParameters();

    /** The adapters' parameters (0 for full fine-tuning). */
    long adapterParameters();

    /** What the optimiser trains, by name. */
    List<Map.Entry<String, Parameter>> trainable();

    /**
     * The training loss of one batch.
     *
     * @param scope owns the arrays of this batch
     * @param ids int64 [batch, length] token ids
     * @return a scalar
     */
    NDArray loss(NDManager scope, NDArray ids);

    /** Builds a subject in a manager. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param manager owns the model's arrays
         * @param lora adapter settings, or null for full fine-tuning
         * @param seed seeds random weights and adapters
         */
        BenchSubject create(NDManager manager, LoraConfig lora, long seed) throws Exception;
    }
}
