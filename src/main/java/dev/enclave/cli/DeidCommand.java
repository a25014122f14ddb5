package dev.enclave.cli;

import dev.enclave.deid.DeidInputException;
import dev.enclave.deid.DeidScorer;
import dev.enclave.deid.Deidentifier;
import dev.enclave.deid.DocumentFiles;
import dev.enclave.deid.Redaction;
import dev.enclave.deid.RedactionMode;
import dev.enclave.deid.SourceDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code enclave deid}: de-identifies a JSONL or CSV file of texts; {@code deid score} scores spans against gold. */
@Command(name = "deid", mixinStandardHelpOptions = true, subcommands = DeidCommand.Score.class,
        description = "Finds and replaces PHI (HIPAA Safe Harbor) in a JSONL or CSV file of texts.",
        footer = {"", "Examples:", "  enclave deid --input notes.jsonl --output notes.deid.jsonl --mode surrogate --seed 7",
            "  enclave deid --input notes.csv --id-column note_id --text-column text --group-column patient_id "
                    + "--output out.jsonl",
            "  enclave deid score --gold gold.jsonl --pred out.jsonl"})
public final class DeidCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ResidencyOptions residency;

    @Option(names = "--input", description = "JSONL lines {\"id\",\"text\"}, or a .csv with a header.")
    private Path input;

    @Option(names = "--output", description = "JSONL lines {\"id\",\"text\",\"spans\"}.")
    private Path output;

    @Option(names = "--mode", defaultValue = "mask", description = "mask or surrogate (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of surrogates and date shifts.")
    private long seed;

    @Option(names = "--id-column", defaultValue = "id", description = "Field or column of the document id.")
    private String idColumn;

    @Option(names = "--text-column", defaultValue = "text", description = "Field or column of the text.")
    private String textColumn;

    @Option(names = "--group-column", description = "Field or column of the surrogate group (e.g. patient_id); "
            + "default: the document id.")
    private String groupColumn;

    @Override
    public Integer call() {
        if (input == null || output == null) {
            return fail("--input and --output are required (or use the score subcommand)");
        }
        RedactionMode redactionMode;
        try {
            redactionMode = RedactionMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fail("--mode must be mask or surrogate");
        }
        try (ResidencyOptions.Scope scope = residency.open(spec.commandLine().getErr())) {
            return redact(scope.check(input, "--input"), scope.check(output, "--output"),
                    Deidentifier.builder().mode(redactionMode).seed(seed).build());
        }
    }

    private int redact(Path input, Path output, Deidentifier deid) {
        try {
            List<SourceDocument> documents = DocumentFiles.readDocuments(input,
                    new DocumentFiles.Columns(idColumn, textColumn, groupColumn));
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                for (SourceDocument doc : documents) {
                    Redaction redaction = deid.redact(doc.text(), doc.group());
                    DocumentFiles.writeRedaction(writer, doc.id(), redaction);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("de-identified %d documents into %s%n", documents.size(), output);
            out.flush();
            return OK;
        } catch (DeidInputException e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail(output + ": cannot write (" + e.getClass().getSimpleName() + ")");
        }
    }

    private int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("ERROR: " + message);
        err.flush();
        return BAD_INPUT;
    }

    /** {@code enclave deid score}: precision, recall and F1 per PHI type under four matchings. */
    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Scores predicted spans against gold spans and prints Markdown tables.")
    static final class Score implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ResidencyOptions residency;

        @Option(names = "--gold", required = true, description = "JSONL lines {\"id\",\"spans\":[{\"start\",\"end\",\"type\"}]}.")
        private Path gold;

        @Option(names = "--pred", required = true, description = "Same format; the output of `deid` works as is.")
        private Path pred;

        @Override
        public Integer call() {
            try (ResidencyOptions.Scope scope = residency.open(spec.commandLine().getErr())) {
                DeidScorer.Report report = DeidScorer.score(DocumentFiles.readSpans(scope.check(gold, "--gold")),
                        DocumentFiles.readSpans(scope.check(pred, "--pred")));
                PrintWriter out = spec.commandLine().getOut();
                out.print(report.toMarkdown());
                out.flush();
                return OK;
            } catch (DeidInputException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("ERROR: " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
        }
    }
}
