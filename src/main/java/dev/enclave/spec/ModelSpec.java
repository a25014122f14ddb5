package dev.enclave.spec;

/**
 * The open-weight model to start from.
 *
 * @param path a local Hugging Face style folder (config.json, *.safetensors, tokenizer.json)
 * @param importIfMissing name of a model Enclave can import from a jar on its class path when {@code path} does not exist
 *     yet (see {@code enclave model import}); null to require the folder
 */
public record ModelSpec(String path, String importIfMissing) {
    public ModelSpec {
        Checks.require(path, "path");
    }
}
