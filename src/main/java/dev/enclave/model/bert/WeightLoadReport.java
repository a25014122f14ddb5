package dev.enclave.model.bert;

import java.nio.file.Path;
import java.util.List;

/**
 * What a weight load did.
 *
 * @param files the safetensors files read
 * @param loaded the Hugging Face names of the parameters that were set
 * @param ignored checkpoint tensors the model has no parameter for (e.g. {@code pooler.dense.weight})
 */
public record WeightLoadReport(List<Path> files, List<String> loaded, List<String> ignored) {

    /** Copies the lists. */
    public WeightLoadReport {
        files = List.copyOf(files);
        loaded = List.copyOf(loaded);
        ignored = List.copyOf(ignored);
    }
}
