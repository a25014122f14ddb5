package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.cli.EnclaveCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec whose data path escapes the allowed roots stops the run before any data is read, naming path and rule. */
class ResidencyViolationTest {
    @TempDir
    Path dir;

    @BeforeEach
    void layOut() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("data-private"));
        Files.writeString(dir.resolve("data-private/notes.csv"), "id,g,t,l\n1,a,x,yes\n");
        Files.writeString(dir.resolve("data/notes.csv"), "id,g,t,l\n1,a,x,yes\n");
        Files.createSymbolicLink(dir.resolve("data/linked.csv"), dir.resolve("data-private/notes.csv"));
        SmallRun.modelFolder(dir, "mit");
    }

    private String prepare(String dataPath, String runName) throws Exception {
        String yaml = """
                version: 1
                name: escape
                seed: 1
                residency:
                  allowed_roots: [%1$s/data, %1$s/model, %1$s/runs]
                data:
                  path: %2$s
                  columns: {id: id, group: g, text: t, label: l}
                  labels: ["yes", "no"]
                model:
                  path: %1$s/model
                output:
                  runs_dir: %1$s/runs
                """.formatted(dir.toAbsolutePath(), dataPath);
        Path spec = Files.writeString(dir.resolve("data/spec-" + runName + ".yaml"), yaml);
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = EnclaveCommand.execute("prepare", spec.toString(), "--run-dir",
                    dir.resolve("runs/" + runName).toString());
            assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
        Path run = dir.resolve("runs/" + runName);
        assertFalse(Files.exists(run.resolve("prepared")));
        String audit = Files.readString(run.resolve("audit.jsonl"));
        assertFalse(audit.contains("\"event\":\"stage_start\""), "no stage ran");
        assertTrue(audit.contains("\"outcome\":\"refused\""), "the refusal is in the audit log");
        assertTrue(AuditVerifier.verify(run, java.util.Optional.empty()).passed());
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void symlinkOutOfARootIsRefused() throws Exception {
        String err = prepare(dir + "/data/linked.csv", "link");
        assertTrue(err.contains("ERROR: residency: data.path: " + dir.toRealPath() + "/data-private/notes.csv is"
                + " outside the allowed roots"), err);
        assertTrue(err.contains("(rule: residency.allowed_roots)"), err);
    }

    @Test
    void siblingWithASharedPrefixIsRefused() throws Exception {
        String err = prepare(dir + "/data-private/notes.csv", "sibling");
        assertTrue(err.contains("data-private/notes.csv is outside the allowed roots"), err);
    }

    @Test
    void parentStepsAreRefused() throws Exception {
        String err = prepare(dir + "/data/../data/notes.csv", "parent");
        assertTrue(err.contains("ERROR: residency: data.path: '" + dir + "/data/../data/notes.csv' contains '..'"),
                err);
    }
}
