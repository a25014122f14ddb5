package dev.enclave.cli;

import ai.djl.ndarray.NDManager;
import dev.enclave.EnclaveException;
import dev.enclave.model.ProjectionAdapters;
import dev.enclave.model.lora.LoraAdapters;
import dev.enclave.model.lora.PeftAdapter;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a PEFT LoRA adapter folder given on the command line into adapters for a model's projections. */
final class PeftAdapters {
    private PeftAdapters() {}

    /**
     * @param folder the adapter folder
     * @param modulePrefix the model's module prefix in PEFT key names ({@code bert.} for BERT, none for Llama)
     * @param manager owns the adapter arrays; keep it open while the model is used
     */
    static ProjectionAdapters read(Path folder, String modulePrefix, NDManager manager) {
        try {
            return LoraAdapters.from(PeftAdapter.read(folder, modulePrefix), manager);
        } catch (IOException e) {
            throw EnclaveException.badInput("--adapter: " + e.getMessage(), e);
        }
    }
}
