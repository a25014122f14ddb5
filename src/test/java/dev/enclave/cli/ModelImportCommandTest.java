package dev.enclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

class ModelImportCommandTest {

    @TempDir
    Path temp;

    @Test
    void importsIntoTheGivenFolder() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ModelImportCommand()).setOut(new PrintWriter(out));
        Path target = temp.resolve("m");

        int exit = command.execute("all-minilm-l6-v2", "--out", target.toString());

        assertEquals(0, exit);
        assertTrue(Files.isRegularFile(target.resolve("model.safetensors")));
        assertTrue(out.toString().contains("101 tensors"), out.toString());
    }

    @Test
    void unknownNameFailsListingKnownNames() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ModelImportCommand()).setErr(new PrintWriter(err));

        int exit = command.execute("bert-large", "--out", temp.resolve("x").toString());

        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("known: all-minilm-l6-v2"), err.toString());
        assertTrue(Files.notExists(temp.resolve("x")));
    }
}
