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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Imports the bundled all-MiniLM-L6-v2 ONNX export into a Hugging Face style folder: {@code config.json},
 * {@code model.safetensors}, {@code tokenizer.json}, {@code LICENSE}, {@code README.md} (with {@code license:} front
 * matter) and {@code enclave-import.json} (source, ONNX SHA-256, tensor count). The output bytes depend only on the
 * bundled resources. The folder is assembled beside the target and renamed into place, so it is never half written.
 */
public final class MiniLmImporter {

    /** The provenance file written into every imported folder. */
    public static final String IMPORT_RECORD_FILE = "enclave-import.json";
    /** Version of the {@value #IMPORT_RECORD_FILE} layout. */
    public static final int IMPORT_RECORD_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String LICENSE_RESOURCE_DIR = "dev/enclave/model/";

    private MiniLmImporter() {}

    /**
     * Imports all-MiniLM-L6-v2 into a new folder.
     *
     * @param folder the target; must not exist or be an empty directory
     * @return what was written
     * @throws IOException if the bundled resources are missing or the folder cannot be written
     */
    public static ImportResult importTo(Path folder) throws IOException {
        return importModel(BundledModel.ALL_MINILM_L6_V2, folder);
    }

    static ImportResult importModel(BundledModel model, Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        requireFreshTarget(target);
        byte[] onnx = resource(model, model.onnxResource());
        byte[] tokenizer = resource(model, model.tokenizerResource());
        byte[] license = resource(model, LICENSE_RESOURCE_DIR + model.license() + ".txt");
        String onnxSha256 = Hashing.sha256Hex(onnx);
        String source = model.mavenGroup() + ":" + model.mavenArtifact() + ":" + mavenVersion(model);

        OnnxGraph graph = OnnxModelReader.read(onnx, source + "!/" + model.onnxResource());
        SortedMap<String, WritableTensor> tensors = OnnxBertWeights.convert(
                graph, new BertEncoder(model.config()).hfParameters(), source + "!/" + model.onnxResource());

        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".import-");
        try {
            JSON.writeValue(staging.resolve(HfModelFolder.CONFIG_FILE).toFile(), model.config().toHfConfig());
            SafetensorsWriter.builder()
                    .optMetadata(Map.of("format", "pt"))
                    .build()
                    .write(staging.resolve(SafetensorsCheckpoint.SINGLE_FILE), tensors);
            Files.write(staging.resolve(HfModelFolder.TOKENIZER_FILE), tokenizer);
            Files.write(staging.resolve("LICENSE"), license);
            Files.writeString(staging.resolve(HfModelFolder.README_FILE), readme(model, source),
                    StandardCharsets.UTF_8);
            JSON.writeValue(staging.resolve(IMPORT_RECORD_FILE).toFile(),
                    importRecord(model, source, onnxSha256, Hashing.sha256Hex(tokenizer), tensors.size()));
            SortedMap<String, String> written = new TreeMap<>();
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    written.put(file.getFileName().toString(), Hashing.sha256Hex(file));
                }
            }
            moveIntoPlace(staging, target);
            return new ImportResult(model.modelName(), target, source, onnxSha256, tensors.size(), written);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void requireFreshTarget(Path target) throws IOException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a directory");
            }
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new DirectoryNotEmptyException(target + " (refusing to import into a non-empty folder)");
                }
            }
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        requireFreshTarget(target);
        Files.deleteIfExists(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
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
        return "---\n"
                + "license: " + model.license() + "\n"
                + "base_model: " + model.upstreamModel() + "\n"
                + "library_name: enclave\n"
                + "---\n\n"
                + "# " + model.modelName() + "\n\n"
                + "Weights of `" + model.upstreamModel()
                + "` (Hugging Face Hub) as a Hugging Face `BertModel` folder, imported by Enclave without network access.\n\n"
                + "- Source: `" + model.onnxResource() + "` and `" + model.tokenizerResource() + "` in the Maven"
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
        record.put("onnx_resource", model.onnxResource());
        record.put("onnx_sha256", onnxSha256);
        record.put("tokenizer_resource", model.tokenizerResource());
        record.put("tokenizer_sha256", tokenizerSha256);
        record.put("tensor_count", tensorCount);
        record.put("license", model.license());
        record.put("importer", MiniLmImporter.class.getName());
        return record;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
