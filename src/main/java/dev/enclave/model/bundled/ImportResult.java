package dev.enclave.model.bundled;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an import wrote.
 *
 * @param model the bundled model name, e.g. {@code all-minilm-l6-v2}
 * @param folder the model folder written
 * @param source the Maven coordinates of the artifact the weights came from
 * @param sourceSha256 SHA-256 of the bytes the weights were read from (the ONNX model for all-MiniLM-L6-v2, the
 *     whole jar for bert-base-uncased), lower-case hex
 * @param tensorCount the number of tensors in {@code model.safetensors}
 * @param files SHA-256 of every file written, by file name
 */
public record ImportResult(
        String model, Path folder, String source, String sourceSha256, int tensorCount, SortedMap<String, String> files) {

    /** Copies the file map. */
    public ImportResult {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
