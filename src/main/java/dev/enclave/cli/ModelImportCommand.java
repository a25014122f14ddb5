package dev.enclave.cli;

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

/** {@code enclave model import NAME [--out DIR]}: writes a bundled pretrained model as a Hugging Face folder. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a pretrained model bundled with Enclave into a Hugging Face style folder (offline).",
        footer = {"", "Example:", "  enclave model import all-minilm-l6-v2 --out models/all-minilm-l6-v2"})
public final class ModelImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            completionCandidates = KnownModels.class,
            description = "Bundled model: ${COMPLETION-CANDIDATES}.")
    private String name;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Target folder (default: models/NAME); must be new or empty.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        BundledModel model;
        try {
            model = BundledModel.byName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path folder = out != null ? out : Path.of("models", name);
        ImportResult result = model.importTo(folder);
        spec.commandLine().getOut().printf("Imported %s into %s (%d tensors, ONNX sha256 %s, from %s)%n",
                result.model(), result.folder(), result.tensorCount(), result.onnxSha256(), result.source());
        return 0;
    }

    /** The bundled model names, for help text and completion. */
    public static final class KnownModels implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return BundledModel.names().iterator();
        }
    }
}
