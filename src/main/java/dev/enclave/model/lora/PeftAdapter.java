package dev.enclave.model.lora;

import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.safetensors.SafetensorsReader;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A LoRA adapter in Hugging Face PEFT's folder layout, which {@code PeftModel.from_pretrained} reads:
 * {@code adapter_config.json} ({@code peft_type: LORA}, {@code r}, {@code lora_alpha}, {@code lora_dropout},
 * {@code target_modules}, {@code base_model_name_or_path}, {@code task_type}, ...) and
 * {@code adapter_model.safetensors} with keys {@code base_model.model.<module path>.lora_A.weight} and
 * {@code .lora_B.weight}, plus {@code base_model.model.<name>} for fully trained modules listed in
 * {@code modules_to_save} (e.g. a new classification head).
 *
 * <p>The module prefix maps this project's parameter names to the module paths of the Hugging Face class the adapter
 * is for: BERT encoder names here carry no {@code bert.} prefix, while {@code BertForSequenceClassification} has its
 * encoder under {@code bert.}.
 */
public final class PeftAdapter {

    /** The configuration file. */
    public static final String CONFIG_FILE = "adapter_config.json";
    /** The weights file. */
    public static final String WEIGHTS_FILE = "adapter_model.safetensors";
    /** Prefix of every tensor key in the weights file. */
    public static final String KEY_PREFIX = "base_model.model.";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String baseModel;
    private final String taskType;
    private final String modulePrefix;
    private final List<String> modulesToSave;
    private final List<HfParameter> savedParameters;

    private PeftAdapter(Builder builder) {
        baseModel = builder.baseModel;
        taskType = builder.taskType;
        modulePrefix = builder.modulePrefix;
        modulesToSave = List.copyOf(builder.modulesToSave);
        savedParameters = List.copyOf(builder.savedParameters);
    }

    /**
     * Starts an adapter description.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What an adapter folder holds.
     *
     * @param config rank, alpha, dropout and target modules
     * @param baseModel {@code base_model_name_or_path}
     * @param taskType {@code task_type}, or null
     * @param adapterValues A and B values under this project's names ({@code <module path>.lora_A.weight}, module
     *     prefix removed)
     * @param savedValues values of {@code modules_to_save} tensors by name (e.g. {@code classifier.weight})
     */
    public record Contents(LoraConfig config, String baseModel, String taskType, Map<String, float[]> adapterValues,
            Map<String, float[]> savedValues) {

        /** Copies the maps. */
        public Contents {
            adapterValues = Map.copyOf(adapterValues);
            savedValues = Map.copyOf(savedValues);
        }
    }

    /**
     * Writes {@code adapter_config.json} and {@code adapter_model.safetensors} into {@code folder}.
     *
     * @param lora the adapters
     * @param folder the target folder, created if needed
     * @return the files written
     * @throws IOException if writing fails
     */
    public List<Path> write(LoraModel lora, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> config = new TreeMap<>();
        config.put("base_model_name_or_path", baseModel);
        config.put("bias", "none");
        config.put("fan_in_fan_out", false);
        config.put("inference_mode", true);
        config.put("init_lora_weights", true);
        config.put("lora_alpha", lora.config().alpha());
        config.put("lora_dropout", lora.config().dropout());
        config.put("modules_to_save", modulesToSave.isEmpty() ? null : modulesToSave);
        config.put("peft_type", "LORA");
        config.put("r", lora.config().rank());
        config.put("revision", null);
        config.put("target_modules", lora.matchedTargets());
        config.put("task_type", taskType);
        config.put("use_dora", false);
        config.put("use_rslora", false);
        Path configFile = folder.resolve(CONFIG_FILE);
        Files.writeString(configFile, JSON.writeValueAsString(config) + "\n", StandardCharsets.UTF_8);

        Map<String, WritableTensor> tensors = new TreeMap<>();
        for (HfParameter parameter : lora.parameters()) {
            tensors.put(KEY_PREFIX + modulePrefix + parameter.name(), WritableTensor.of(parameter.parameter()
                    .getArray()));
        }
        for (HfParameter parameter : savedParameters) {
            tensors.put(KEY_PREFIX + parameter.name(), WritableTensor.of(parameter.parameter().getArray()));
        }
        Path weightsFile = folder.resolve(WEIGHTS_FILE);
        SafetensorsWriter.builder().optMetadata(Map.of("format", "pt")).build().write(weightsFile, tensors);
        return List.of(configFile, weightsFile);
    }

    /**
     * Reads an adapter folder written by {@link #write} or by PEFT.
     *
     * @param folder the adapter folder
     * @param modulePrefix the prefix to strip from LoRA module paths (see the class comment)
     * @return the configuration and the values
     * @throws IOException naming the file and field or key if the folder is not a LoRA adapter
     */
    public static Contents read(Path folder, String modulePrefix) throws IOException {
        Path configFile = folder.resolve(CONFIG_FILE);
        JsonNode config = JSON.readTree(configFile.toFile());
        if (!"LORA".equals(config.path("peft_type").asText())) {
            throw new IOException(configFile + ": peft_type is '" + config.path("peft_type").asText()
                    + "', expected 'LORA'");
        }
        for (String field : List.of("r", "lora_alpha", "target_modules")) {
            if (config.path(field).isMissingNode() || config.path(field).isNull()) {
                throw new IOException(configFile + ": missing field '" + field + "'");
            }
        }
        List<String> targets = new ArrayList<>();
        config.path("target_modules").forEach(node -> targets.add(node.asText()));
        LoraConfig lora = new LoraConfig(config.path("r").asInt(), config.path("lora_alpha").asDouble(),
                config.path("lora_dropout").asDouble(0), targets);
        String prefix = KEY_PREFIX + modulePrefix;
        Map<String, float[]> adapterValues = new TreeMap<>();
        Map<String, float[]> savedValues = new TreeMap<>();
        Path weightsFile = folder.resolve(WEIGHTS_FILE);
        try (SafetensorsReader reader = SafetensorsReader.open(weightsFile)) {
            for (String key : reader.tensorNames()) {
                boolean loraKey = key.contains(".lora_A.") || key.contains(".lora_B.");
                if (loraKey && key.startsWith(prefix)) {
                    adapterValues.put(key.substring(prefix.length()), reader.readFloats(key));
                } else if (!loraKey && key.startsWith(KEY_PREFIX)) {
                    savedValues.put(key.substring(KEY_PREFIX.length()), reader.readFloats(key));
                } else {
                    throw new IOException(weightsFile + ": tensor '" + key + "' does not start with '"
                            + (loraKey ? prefix : KEY_PREFIX) + "'");
                }
            }
        }
        return new Contents(lora, config.path("base_model_name_or_path").asText(null),
                config.path("task_type").isNull() ? null : config.path("task_type").asText(null), adapterValues,
                savedValues);
    }

    /** Describes the adapter's surroundings: base model, task, naming and extra trained modules. */
    public static final class Builder {

        private String baseModel;
        private String taskType;
        private String modulePrefix = "";
        private final List<String> modulesToSave = new ArrayList<>();
        private final List<HfParameter> savedParameters = new ArrayList<>();

        private Builder() {}

        /**
         * Sets {@code base_model_name_or_path} (required).
         *
         * @param nameOrPath the base model's name or folder
         * @return this builder
         */
        public Builder setBaseModel(String nameOrPath) {
            this.baseModel = nameOrPath;
            return this;
        }

        /**
         * Sets PEFT's {@code task_type}, e.g. {@code SEQ_CLS} or {@code CAUSAL_LM}; default none.
         *
         * @param taskType the task type
         * @return this builder
         */
        public Builder optTaskType(String taskType) {
            this.taskType = taskType;
            return this;
        }

        /**
         * Sets the prefix added to LoRA module paths in tensor keys, e.g. {@code bert.}; default none.
         *
         * @param prefix the prefix, empty or ending in a dot
         * @return this builder
         */
        public Builder optModulePrefix(String prefix) {
            this.modulePrefix = prefix;
            return this;
        }

        /**
         * Adds a fully trained module saved with the adapter, e.g. a new head.
         *
         * @param module the module name for {@code modules_to_save}, e.g. {@code classifier}
         * @param parameters its parameters under their full names, e.g. {@code classifier.weight}
         * @return this builder
         */
        public Builder addModuleToSave(String module, List<HfParameter> parameters) {
            modulesToSave.add(module);
            savedParameters.addAll(parameters);
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the adapter writer
         * @throws IllegalArgumentException if the base model is missing or the prefix does not end in a dot
         */
        public PeftAdapter build() {
            if (baseModel == null || baseModel.isBlank()) {
                throw new IllegalArgumentException("a PEFT adapter needs base_model_name_or_path");
            }
            if (!modulePrefix.isEmpty() && !modulePrefix.endsWith(".")) {
                throw new IllegalArgumentException("module prefix '" + modulePrefix + "' must end in a dot");
            }
            return new PeftAdapter(this);
        }
    }
}
