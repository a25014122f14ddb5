package dev.enclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeidCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command with the temporary folder as its allowed root. */
    private int run(String... args) {
        CommandLine cli = new CommandLine(new DeidCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] withRoot = Arrays.copyOf(args, args.length + 2);
        withRoot[args.length] = "--allowed-root";
        withRoot[args.length + 1] = dir.toString();
        return cli.execute(withRoot);
    }

    @Test
    void filesOutsideTheAllowedRootsAreRefusedBeforeTheyAreOpened() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"1\",\"text\":\"Dr. Maria Gonzalez\"}\n");
        Path output = dir.resolve("out.jsonl");
        PrintStream savedErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, EnclaveCommand.execute("deid", "--input", in.toString(), "--output", output.toString()),
                    "the working directory is the only default root");
            assertEquals(2, EnclaveCommand.execute("deid", "--input", in.toString(), "--output", output.toString(),
                    "--allowed-root", dir.resolve("elsewhere").toString()));
        } finally {
            System.setErr(savedErr);
        }
        String message = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("residency: --input: " + in.toRealPath() + " is outside the allowed roots"),
                message);
        assertFalse(Files.exists(output), "nothing was written");
        assertFalse(message.contains("Gonzalez"), "no content in the error");
    }

    @Test
    void masksJsonlWithCodePointOffsetsOfTheInput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"n1\",\"text\":\"\uD83D\uDE00 Dr. Maria Gonzalez saw him 3/14/2024.\"}\n\n"
                + "{\"id\":7,\"text\":\"No PHI here.\"}\n", StandardCharsets.UTF_8);
        Path output = dir.resolve("out.jsonl");
        assertEquals(0, run("--input", in.toString(), "--output", output.toString()));
        List<String> lines = Files.readAllLines(output);
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("n1", first.get("id").asText());
        assertEquals("\uD83D\uDE00 Dr. [NAME] saw him [DATE].", first.get("text").asText());
        JsonNode name = first.get("spans").get(0);
        assertEquals(6, name.get("start").asInt());
        assertEquals(20, name.get("end").asInt());
        assertEquals("NAME", name.get("type").asText());
        assertEquals("7", JSON.readTree(lines.get(1)).get("id").asText());
    }

    @Test
    void surrogatesFromCsvGroupedByPatient() throws IOException {
        Path in = dir.resolve("notes.csv");
        Files.writeString(in, "note_id,patient_id,text\n"
                + "a,p1,\"Seen by Dr. Maria Gonzalez on 3/14/2024.\"\n"
                + "b,p1,\"Dr. Maria Gonzalez called, see 3/28/2024.\"\n");
        Path output = dir.resolve("out.jsonl");
        assertEquals(0, run("--input", in.toString(), "--output", output.toString(), "--mode", "surrogate",
                "--seed", "5", "--id-column", "note_id", "--text-column", "text", "--group-column", "patient_id"));
        List<String> lines = Files.readAllLines(output);
        String a = JSON.readTree(lines.get(0)).get("text").asText();
        String b = JSON.readTree(lines.get(1)).get("text").asText();
        String fakeName = a.replaceAll("Seen by Dr\\. (.+) on .*", "$1");
        assertFalse(fakeName.contains("Gonzalez"), a);
        assertTrue(b.startsWith("Dr. " + fakeName + " called"), b);
    }

    @Test
    void badJsonNamesFileAndLineButNotTheText() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"text\":\"fine\"}\n{\"id\":\"2\",\"text\":\"SECRET Jane Roe\"\n");
        assertEquals(2, run("--input", in.toString(), "--output", dir.resolve("o.jsonl").toString()));
        assertTrue(err.toString().contains("bad.jsonl:2"), err.toString());
        assertFalse(err.toString().contains("SECRET") || err.toString().contains("Roe"), err.toString());
    }

    @Test
    void missingFieldAndMissingColumnAreBadInput() throws IOException {
        Path in = dir.resolve("nofield.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"body\":\"x\"}\n");
        assertEquals(2, run("--input", in.toString(), "--output", dir.resolve("o.jsonl").toString()));
        assertTrue(err.toString().contains("nofield.jsonl:1: field \"text\""), err.toString());
        Path csv = dir.resolve("nocol.csv");
        Files.writeString(csv, "id,body\n1,x\n");
        assertEquals(2, run("--input", csv.toString(), "--output", dir.resolve("o.jsonl").toString()));
        assertTrue(err.toString().contains("no column \"text\""), err.toString());
    }

    @Test
    void unknownModeIsBadInput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"text\":\"x\"}\n");
        assertEquals(2, run("--input", in.toString(), "--output", dir.resolve("o.jsonl").toString(), "--mode", "blur"));
    }

    @Test
    void scorePrintsTablesAndRejectsUnknownTypes() throws IOException {
        Path gold = dir.resolve("gold.jsonl");
        Path pred = dir.resolve("pred.jsonl");
        Files.writeString(gold, "{\"id\":\"a\",\"spans\":[{\"start\":0,\"end\":4,\"type\":\"NAME\"}]}\n");
        Files.writeString(pred, "{\"id\":\"a\",\"text\":\"[NAME]\",\"spans\":[{\"start\":0,\"end\":4,\"type\":\"NAME\"}]}\n");
        assertEquals(0, run("score", "--gold", gold.toString(), "--pred", pred.toString()), err::toString);
        assertTrue(out.toString().contains("| **ALL** | 1 | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |"), out.toString());
        Files.writeString(pred, "{\"id\":\"a\",\"spans\":[{\"start\":0,\"end\":4,\"type\":\"PERSON\"}]}\n");
        assertEquals(2, run("score", "--gold", gold.toString(), "--pred", pred.toString()));
        assertTrue(err.toString().contains("pred.jsonl:1: spans[0]: unknown type \"PERSON\""), err.toString());
    }
}
