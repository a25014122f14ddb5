package dev.enclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad specs and inputs end with one clear message and exit code 2. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private record Outcome(int exitCode, String stderr) {}

    private static Outcome run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = EnclaveCommand.execute(args);
            return new Outcome(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private Path spec(String body) throws Exception {
        return Files.writeString(dir.resolve("spec.yaml"), body.formatted(dir.toAbsolutePath()));
    }

    private static final String SPEC = """
            version: 1
            name: bad
            seed: 1
            residency:
              allowed_roots: [%1$s]
            data:
              path: %1$s/missing.csv
              columns: {id: id, group: g, text: t, label: l}
              labels: [a, b]
            model:
              path: %1$s/models/m
              import_if_missing: all-minilm-l6-v2
            output:
              runs_dir: %1$s/runs
            """;

    @Test
    void malformedSpecGivesOneLocatedMessageAndExit2() throws Exception {
        Path spec = spec(SPEC.replace("  labels: [a, b]", "  lables: [a, b]"));
        Outcome outcome = run("run", spec.toString());
        assertEquals(2, outcome.exitCode());
        String[] lines = outcome.stderr().strip().split("\n");
        assertEquals(1, lines.length, outcome.stderr());
        assertTrue(lines[0].startsWith("ERROR: " + spec + ":9:"), lines[0]);
        assertTrue(lines[0].contains("did you mean 'labels'?"), lines[0]);
    }

    @Test
    void missingInputFileGivesExit2NamingTheFile() throws Exception {
        Path spec = spec(SPEC);
        Outcome outcome = run("prepare", spec.toString(), "--run-dir", dir.resolve("runs/r1").toString());
        assertEquals(2, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().contains("missing.csv: input file not found (data.path)"), outcome.stderr());
    }

    @Test
    void missingSpecFileGivesExit2() {
        Outcome outcome = run("run", dir.resolve("nope.yaml").toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.stderr().contains("spec file not found"), outcome.stderr());
    }

    @Test
    void unknownOptionIsBadInput() {
        assertEquals(2, run("run", "--frobnicate").exitCode());
    }
}
