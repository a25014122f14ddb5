package dev.enclave.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.cli.SampleDataCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleDataCommandTest {
    @Test
    void defaultsToSeed42AndTheSampleDataFolder() {
        CommandLine command = new CommandLine(new SampleDataCommand());
        assertEquals("sample-data", command.getCommandName());
        assertEquals("42", command.getCommandSpec().findOption("--seed").defaultValue());
        assertEquals("sample-data", command.getCommandSpec().findOption("--out").defaultValue());
    }

    @Test
    void writesTheFilesAndPrintsTheSummary(@TempDir Path out) {
        StringWriter printed = new StringWriter();
        CommandLine command = new CommandLine(new SampleDataCommand()).setOut(new PrintWriter(printed));
        int exit = command.execute("--seed", "5", "--out", out.toString());
        assertEquals(0, exit);
        assertTrue(Files.exists(out.resolve(SampleDataGenerator.CLINICAL_NOTES)));
        assertTrue(Files.exists(out.resolve(SampleDataGenerator.LEGAL_GOLD)));
        assertTrue(printed.toString().contains("clinical notes: 2,260 from 340 patients"), printed.toString());
        assertTrue(printed.toString().contains("BIOMETRIC"), printed.toString());
    }
}
