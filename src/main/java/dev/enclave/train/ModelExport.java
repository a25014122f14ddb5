package dev.enclave.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.lora.LoraModel;
import dev.enclave.model.lora.PeftAdapter;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;
import dev.enclave.run.FileRecord;
import dev.enclave.run.RunContext;
import dev.enclave.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes trained weights in Hugging Face layout ({@code config.json} with the label maps, {@code model.safetensors},
 * the tokenizer and the licence of the base model), so that this loader and other tools read them back.
 */
public final class ModelExport {
    /**
     * Files copied unchanged from the base folder into an exported language model when present: the tokenizer's and
     * the generation defaults.
     */
    public static final List<String> COPIED_FILES = List.of(HfModelFolder.TOKENIZER_FILE,
            "tokenizer_config.json", "special_tokens_map.json", "tokenizer.model", "vocab.txt",
            "generation_config.json");

    private ModelExport() {}

    /** Writes a full classifier folder; returns the files for the manifest. */
    public static List<FileRecord> classifier(RunContext run, String stage, Path target, HfModelFolder base,
            List<HfParameter> parameters, List<String> labels) throws IOException {
        run.files().createDirectories(target);
        List<FileRecord> written = new ArrayList<>();
        ObjectNode config = base.config().deepCopy();
        config.putArray("architectures").add("BertForSequenceClassification");
        ObjectNode id2label = config.putObject("id2label");
        ObjectNode label2id = config.putObject("label2id");
        for (int i = 0; i < labels.size(); i++) {
            id2label.put(Integer.toString(i), labels.get(i));
            label2id.put(labels.get(i), i);
        }
        written.add(run.files().writeString(stage, target.resolve(HfModelFolder.CONFIG_FILE),
                RunFiles.JSON.writeValueAsString(config) + "\n"));
        written.add(weights(run, stage, target.resolve("model.safetensors"), parameters));
        written.add(copy(run, stage, base.tokenizerFile(), target.resolve(HfModelFolder.TOKENIZER_FILE)));
        copyLicense(run, stage, base, target).ifPresent(written::add);
        return written;
    }

    /**
     * Writes a full language-model folder: the base model's {@code config.json} with {@code architectures} set, the
     * weights, the tokenizer and generation files the base folder has ({@link #COPIED_FILES}) and its licence;
     * returns the files for the manifest.
     */
    public static List<FileRecord> languageModel(RunContext run, String stage, Path target, HfModelFolder base,
            List<HfParameter> parameters, String architecture) throws IOException {
        run.files().createDirectories(target);
        List<FileRecord> written = new ArrayList<>();
        ObjectNode config = base.config().deepCopy();
        config.putArray("architectures").add(architecture);
        written.add(run.files().writeString(stage, target.resolve(HfModelFolder.CONFIG_FILE),
                RunFiles.JSON.writeValueAsString(config) + "\n"));
        written.add(weights(run, stage, target.resolve("model.safetensors"), parameters));
        for (String name : COPIED_FILES) {
            Path file = base.directory().resolve(name);
            if (Files.isRegularFile(run.files().check(file, "read"))) {
                written.add(copy(run, stage, file, target.resolve(name)));
            }
        }
        copyLicense(run, stage, base, target).ifPresent(written::add);
        return written;
    }

    /** Writes a LoRA adapter in PEFT layout into {@code target}; returns the files for the manifest. */
    public static List<FileRecord> adapter(RunContext run, String stage, Path target, PeftAdapter adapter,
            LoraModel lora) throws IOException {
        List<FileRecord> written = new ArrayList<>();
        for (Path file : adapter.write(lora, run.files().createDirectories(target))) {
            written.add(run.files().recordWrite(stage, file, null));
        }
        return written;
    }

    /** Writes tensors by Hugging Face name to one safetensors file. */
    public static FileRecord weights(RunContext run, String stage, Path file, List<HfParameter> parameters)
            throws IOException {
        Map<String, WritableTensor> tensors = new TreeMap<>();
        for (HfParameter parameter : parameters) {
            tensors.put(parameter.name(), WritableTensor.of(parameter.parameter().getArray()));
        }
        SafetensorsWriter.builder().build().write(run.files().check(file, "write"), tensors);
        return run.files().recordWrite(stage, file, null);
    }

    private static java.util.Optional<FileRecord> copyLicense(RunContext run, String stage, HfModelFolder base,
            Path target) throws IOException {
        var license = base.license();
        if (license.file().isEmpty()) {
            return java.util.Optional.empty();
        }
        Path file = license.file().get();
        return java.util.Optional.of(copy(run, stage, file, target.resolve(file.getFileName().toString())));
    }

    private static FileRecord copy(RunContext run, String stage, Path from, Path to) throws IOException {
        Files.copy(run.files().check(from, "read"), run.files().check(to, "write"),
                StandardCopyOption.REPLACE_EXISTING);
        return run.files().recordWrite(stage, to, null);
    }
}
