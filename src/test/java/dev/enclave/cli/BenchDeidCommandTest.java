package dev.enclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.run.RunFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchDeidCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheRateAndWritesItAsJson() throws Exception {
        Path out = dir.resolve("bench/deid.json");
        StringWriter stdout = new StringWriter();
        int code = new CommandLine(new BenchDeidCommand()).setOut(new PrintWriter(stdout)).execute("--documents", "12",
                "--seconds", "0", "--warmup", "3", "--mode", "surrogate", "--work", dir.resolve("work").toString(),
                "--out", out.toString());
        assertEquals(0, code, stdout::toString);
        assertTrue(stdout.toString().contains("MB/s"), stdout::toString);
        JsonNode json = RunFiles.JSON.readTree(out.toFile());
        assertEquals(12, json.path("documents").asInt());
        assertEquals(1, json.path("threads").asInt());
        assertEquals("SURROGATE", json.path("mode").asText());
        assertTrue(json.path("megabytes_per_second").asDouble() > 0);
        assertTrue(json.path("documents_per_second").asDouble() > 0);
        assertTrue(json.path("spans_per_pass").asLong() > 12, "generated notes carry PHI");
        assertTrue(json.path("bytes_per_pass").asLong() > 12 * 200);
        assertTrue(Files.isRegularFile(dir.resolve("work/clinical-notes.csv")));
    }
}
