package dev.enclave.model.bundled;

import dev.enclave.model.HfModelFolder;
import dev.enclave.util.Hashing;
import dev.enclave.model.bert.BertEncoder;
import dev.enclave.model.onnx.OnnxBertWeights;
import dev.enclave.model.onnx.OnnxGraph;
import dev.enclave.model.onnx.OnnxModelReader;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;

/**
 * Imports the bundled all-MiniLM-L6-v2 ONNX export into a Hugging Face style folder: {@code config.json},
 * {@code model.safetensors}, {@code tokenizer.json}, {@code LICENSE}, {@code README.md} (with {@code license:} front
 * matter) and {@code enclave-import.json} (source, ONNX SHA-256, tensor count). The output bytes depend only on the
 * bundled resources. The folder is assembled beside the target and renamed into place, so it is never half written.
 */
public final class MiniLmImporter {

    /** The provenance file written into every imported folder. */
    public static final String IMPORT_RECORD_FILE = ImportFolder.IMPORT_RECORD_FILE;
    /** Version of the {@value #IMPORT_RECORD_FILE} layout. */
    public static final int IMPORT_RECORD_VERSION = ImportFolder.IMPORT_RECORD_VERSION;
    /** Classpath resource of the ONNX model in the langchain4j jar. */
    public static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx";
    /** Classpath resource of the tokenizer in the langchain4j jar. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

    private MiniLmImporter() {}

    /**
     * Imports all-MiniLM-L6-v2 into a new folder.
     *
     * @param folder the target; must not exist or be an empty directory
     * @return what was written
     * @throws IOException if the bundled resources are missing or the folder cannot be written
     */
    public static ImportResult importTo(Path folder) throws IOException {
        BundledModel model = BundledModel.ALL_MINILM_L6_V2;
        byte[] onnx = resource(model, ONNX_RESOURCE);
        byte[] tokenizer = resource(model, TOKENIZER_RESOURCE);
        String onnxSha256 = Hashing.sha256Hex(onnx);
        String source = model.mavenGroup() + ":" + model.mavenArtifact() + ":" + mavenVersion(model);

        OnnxGraph graph = OnnxModelReader.read(onnx, source + "!/" + ONNX_RESOURCE);
        SortedMap<String, WritableTensor> tensors = OnnxBertWeights.convert(
                graph, new BertEncoder(model.config()).hfParameters(), source + "!/" + ONNX_RESOURCE);

        try (ImportFolder staging = ImportFolder.stage(folder)) {
            staging.writeJson(HfModelFolder.CONFIG_FILE, model.config().toHfConfig());
            SafetensorsWriter.builder()
                    .optMetadata(Map.of("format", "pt"))
                    .build()
                    .write(staging.file(SafetensorsCheckpoint.SINGLE_FILE), tensors);
            staging.write(HfModelFolder.TOKENIZER_FILE, tokenizer);
            staging.writeLicense(model);
            staging.writeReadme(model, readme(model, source));
            staging.writeJson(IMPORT_RECORD_FILE,
                    importRecord(model, source, onnxSha256, Hashing.sha256Hex(tokenizer), tensors.size()));
            SortedMap<String, String> written = staging.commit();
            return new ImportResult(model.modelName(), staging.target(), source, onnxSha256, tensors.size(), written);
        }
    }

    private static byte[] resource(BundledModel model, String name) throws IOException {
        try (InputStream in = MiniLmImporter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("classpath resource '" + name + "' for " + model.modelName()
                        + " is missing; it comes with " + model.mavenGroup() + ":" + model.mavenArtifact());
            }
            return in.readAllBytes();
        }
    }

    private static String mavenVersion(BundledModel model) throws IOException {
        String name = "META-INF/maven/" + model.mavenGroup() + "/" + model.mavenArtifact() + "/pom.properties";
        try (InputStream in = MiniLmImporter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return "unknown-version";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown-version");
        }
    }

    private static String readme(BundledModel model, String source) {
        return "Weights of `" + model.upstreamModel()
                + "` (Hugging Face Hub) as a Hugging Face `BertModel` folder, imported by Enclave without network access.\n\n"
                + "- Source: `" + ONNX_RESOURCE + "` and `" + TOKENIZER_RESOURCE + "` in the Maven"
                + " artifact `" + source + "`.\n"
                + "- Upstream export: " + model.upstreamExport() + ".\n"
                + "- Conversion: ONNX initializers to float32 safetensors; anonymous MatMul weights named after the"
                + " bias their output is added to and transposed to [out, in]. See `" + IMPORT_RECORD_FILE + "`.\n"
                + "- Licence: " + model.license() + " (see `LICENSE`).\n";
    }

    private static Map<String, Object> importRecord(
            BundledModel model, String source, String onnxSha256, String tokenizerSha256, int tensorCount) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("format_version", IMPORT_RECORD_VERSION);
        record.put("model", model.modelName());
        record.put("upstream_model", model.upstreamModel());
        record.put("upstream_export", model.upstreamExport());
        record.put("source", source);
        record.put("onnx_resource", ONNX_RESOURCE);
        record.put("onnx_sha256", onnxSha256);
        record.put("tokenizer_resource", TOKENIZER_RESOURCE);
        record.put("tokenizer_sha256", tokenizerSha256);
        record.put("tensor_count", tensorCount);
        record.put("license", model.license());
        record.put("importer", MiniLmImporter.class.getName());
        return record;
    }
}
