package dev.enclave.model;

import dev.enclave.model.safetensors.SafetensorsCheckpoint;
import dev.enclave.util.Hashing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A local Hugging Face style model folder: {@code config.json}, weights as one safetensors file or shards with an
 * index, {@code tokenizer.json}, and a licence ({@code LICENSE}/{@code LICENSE.txt} or {@code license:} in the
 * front matter of {@code README.md}). Opening checks that the required files exist; weights are opened on demand.
 */
public final class HfModelFolder {

    /** The model configuration file name. */
    public static final String CONFIG_FILE = "config.json";
    /** The tokenizer file name. */
    public static final String TOKENIZER_FILE = "tokenizer.json";
    /** The model card file name. */
    public static final String README_FILE = "README.md";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LICENSE_FILES = List.of("LICENSE", "LICENSE.txt", "LICENSE.md");

    private final Path directory;
    private final JsonNode config;
    private List<WeightFile> weightFiles;

    private HfModelFolder(Path directory, JsonNode config) {
        this.directory = directory;
        this.config = config;
    }

    /**
     * Opens a model folder.
     *
     * @param directory the folder
     * @return the folder view
     * @throws IOException if config.json, tokenizer.json or the weights are missing, or config.json is not a JSON
     *     object
     */
    public static HfModelFolder open(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a model folder (no such directory)");
        }
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
            missing.add(CONFIG_FILE);
        }
        if (!Files.isRegularFile(dir.resolve(TOKENIZER_FILE))) {
            missing.add(TOKENIZER_FILE);
        }
        if (!SafetensorsCheckpoint.existsIn(dir)) {
            missing.add(SafetensorsCheckpoint.SINGLE_FILE + " or " + SafetensorsCheckpoint.INDEX_FILE);
        }
        if (!missing.isEmpty()) {
            throw new IOException(dir + ": model folder lacks " + String.join(", ", missing));
        }
        Path configFile = dir.resolve(CONFIG_FILE);
        JsonNode config;
        try {
            config = JSON.readTree(configFile.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(configFile + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (config == null || !config.isObject()) {
            throw new IOException(configFile + ": not a JSON object");
        }
        return new HfModelFolder(dir, config);
    }

    /**
     * Returns the folder.
     *
     * @return the absolute, normalised folder path
     */
    public Path directory() {
        return directory;
    }

    /**
     * Returns the parsed {@code config.json}.
     *
     * @return the configuration as a JSON tree (treat as read-only)
     */
    public JsonNode config() {
        return config;
    }

    /**
     * Returns the path of {@code config.json}.
     *
     * @return the config file
     */
    public Path configFile() {
        return directory.resolve(CONFIG_FILE);
    }

    /**
     * Returns the path of {@code tokenizer.json}.
     *
     * @return the tokenizer file
     */
    public Path tokenizerFile() {
        return directory.resolve(TOKENIZER_FILE);
    }

    /**
     * Opens the weights.
     *
     * @return an open checkpoint; the caller closes it
     * @throws IOException if the weight files are malformed
     */
    public SafetensorsCheckpoint openWeights() throws IOException {
        return SafetensorsCheckpoint.open(directory);
    }

    /**
     * Returns the weight files with their sizes and SHA-256 digests, computed once on first call.
     *
     * @return the single weights file, or the index followed by its shards
     * @throws IOException if a file cannot be read
     */
    public synchronized List<WeightFile> weightFiles() throws IOException {
        if (weightFiles == null) {
            List<WeightFile> files = new ArrayList<>();
            for (Path file : SafetensorsCheckpoint.weightFiles(directory)) {
                files.add(new WeightFile(file.getFileName().toString(), Files.size(file), Hashing.sha256Hex(file)));
            }
            weightFiles = List.copyOf(files);
        }
        return weightFiles;
    }

    /**
     * Determines the licence: the {@code license:} front matter of README.md if present, else the text of a
     * LICENSE file (Apache 2.0 and MIT are recognised), else {@value ModelLicense#UNKNOWN}.
     *
     * @return the licence
     * @throws IOException if README.md or a licence file cannot be read
     */
    public ModelLicense license() throws IOException {
        Optional<Path> licenseFile = LICENSE_FILES.stream()
                .map(directory::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
        Optional<String> declared = readmeLicense();
        if (declared.isPresent()) {
            return new ModelLicense(declared.get(), licenseFile, README_FILE + " front matter");
        }
        if (licenseFile.isPresent()) {
            String text = Files.readString(licenseFile.get(), StandardCharsets.UTF_8);
            return new ModelLicense(recognise(text), licenseFile, licenseFile.get().getFileName().toString());
        }
        return new ModelLicense(ModelLicense.UNKNOWN, Optional.empty(), "none");
    }

    private Optional<String> readmeLicense() throws IOException {
        Path readme = directory.resolve(README_FILE);
        if (!Files.isRegularFile(readme)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return Optional.empty();
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        JsonNode frontMatter;
        try {
            frontMatter = new YAMLMapper().readTree(String.join("\n", lines.subList(1, end)));
        } catch (IOException e) {
            throw new IOException(readme + ": front matter is not valid YAML: " + e.getMessage(), e);
        }
        JsonNode license = frontMatter == null ? null : frontMatter.get("license");
        if (license == null || license.isNull()) {
            return Optional.empty();
        }
        String id = license.isArray() ? license.path(0).asText("") : license.asText("");
        return id.isBlank() ? Optional.empty() : Optional.of(id.strip().toLowerCase(Locale.ROOT));
    }

    private static String recognise(String licenseText) {
        String text = licenseText.replaceAll("\\s+", " ");
        if (text.contains("Apache License") && text.contains("Version 2.0")) {
            return "apache-2.0";
        }
        if (text.contains("MIT License") || text.contains("Permission is hereby granted, free of charge")) {
            return "mit";
        }
        return ModelLicense.UNKNOWN;
    }
}
