package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import dev.enclave.cli.EnclaveCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with a run folder in one place at a time; {@code enclave audit verify} must exit 2 and name the entry or
 * file. Entry numbers are those of {@link SmallRun}.
 */
class AuditVerifierTest {
    @TempDir
    Path dir;

    private static final byte[] KEY = "steward-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private record Outcome(int exitCode, String stdout, String stderr) {}

    private static Outcome verify(String... extra) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new ArrayList<>(List.of("audit", "verify"));
            args.addAll(List.of(extra));
            int code = EnclaveCommand.execute(args.toArray(String[]::new));
            return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void editLines(Path runDir, UnaryOperator<List<String>> edit) throws IOException {
        Path audit = runDir.resolve("audit.jsonl");
        List<String> lines = edit.apply(new ArrayList<>(Files.readAllLines(audit, StandardCharsets.UTF_8)));
        Files.write(audit, lines, StandardCharsets.UTF_8);
    }

    private static List<String> replaceInLine(List<String> lines, int index, String from, String to) {
        String line = lines.get(index);
        assertTrue(line.contains(from), line);
        assertEquals(from.length(), to.length(), "one byte changes");
        lines.set(index, line.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return lines;
    }

    private void assertCaught(Path runDir, String... expected) {
        Outcome outcome = verify(runDir.toString());
        assertEquals(2, outcome.exitCode(), outcome.stdout() + outcome.stderr());
        assertTrue(outcome.stdout().contains("NOT VERIFIED"), outcome.stdout());
        for (String text : expected) {
            assertTrue(outcome.stderr().contains(text), "expected '" + text + "' in: " + outcome.stderr());
        }
        assertTrue(outcome.stderr().startsWith("ERROR: audit verify: "), outcome.stderr());
    }

    @Test
    void untouchedRunVerifies() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        Outcome outcome = verify(run.toString());
        assertEquals(0, outcome.exitCode(), outcome.stdout() + outcome.stderr());
        assertTrue(outcome.stdout().contains("12 entries, signatures: unsigned"), outcome.stdout());
        assertTrue(outcome.stdout().contains("5 in the run folder rechecked, 2 outside it"), outcome.stdout());
        assertTrue(outcome.stdout().strip().endsWith("VERIFIED"), outcome.stdout());
    }

    @Test
    void changedFieldInAnEntryIsNamed() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        editLines(run, lines -> replaceInLine(lines, 5, "\"rows\":3", "\"rows\":4"));
        assertCaught(run, "entry 5 (line 6) was changed after it was written", "prev recorded in entry 6");
    }

    @Test
    void changedChainLinkIsNamed() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        editLines(run, lines -> {
            String line = lines.get(7);
            int at = line.indexOf("\"prev\":\"") + 8;
            char flipped = line.charAt(at) == '0' ? '1' : '0';
            lines.set(7, line.substring(0, at) + flipped + line.substring(at + 1));
            return lines;
        });
        assertCaught(run, "entry 7 (line 8) was changed after it was written: its prev does not match entry 6");
    }

    @Test
    void changedOutputFileIsNamed() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        byte[] bytes = Files.readAllBytes(run.resolve("prepared/train.parquet"));
        bytes[3] ^= 1;
        Files.write(run.resolve("prepared/train.parquet"), bytes);
        assertCaught(run, "prepared/train.parquet was changed after entry 5 recorded it");
    }

    @Test
    void deletedEntryIsNamed() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        editLines(run, lines -> {
            lines.remove(4);
            return lines;
        });
        assertCaught(run, "entry 4 is missing: line 5 holds entry 5 (deleted from the log)");
    }

    @Test
    void reorderedPairIsNamed() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        editLines(run, lines -> {
            Collections.swap(lines, 6, 7);
            return lines;
        });
        assertCaught(run, "entries 6 and 7 are in the wrong order");
    }

    @Test
    void deletedFileThatReappearsAndMissingFileAreNamed() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        Files.writeString(run.resolve("tmp/scratch.bin"), "spill");
        Files.delete(run.resolve("prepared/test.parquet"));
        Verification verification = AuditVerifier.verify(run, Optional.empty());
        List<String> messages = verification.failures().stream().map(Verification.Finding::message).toList();
        assertEquals(List.of("prepared/test.parquet (recorded by entry 6) is missing",
                "tmp/scratch.bin was deleted at entry 8 but is present again"), messages);
    }

    @Test
    void unlistedFileAndChangedSourceAreWarningsOnly() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        Files.writeString(run.resolve("prepared/extra.csv"), "x");
        Files.writeString(dir.resolve("notes.csv"), "changed later");
        Verification verification = AuditVerifier.verify(run, Optional.empty());
        assertTrue(verification.passed(), verification.failures().toString());
        List<String> warnings = verification.warnings().stream().map(Verification.Finding::message).toList();
        assertTrue(warnings.contains("prepared/extra.csv is in the run folder but no audit entry lists it"),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("notes.csv outside the run folder has changed since"
                + " entry 4")), warnings.toString());
    }

    @Test
    void signedLogNamesTheChangedEntryByItsHmacAndResistsARewrittenChain() throws IOException {
        Path keyFile = Files.write(dir.resolve("steward.key"), KEY);
        Path run = SmallRun.make(dir, Optional.of(AuditKey.of(KEY, "test")));
        assertEquals(0, verify(run.toString(), "--key-file", keyFile.toString()).exitCode());
        Verification unchecked = AuditVerifier.verify(run, Optional.empty());
        assertEquals(Verification.Signature.SIGNED_NOT_CHECKED, unchecked.signature());

        editLines(run, lines -> rechain(replaceInLine(lines, 5, "\"rows\":3", "\"rows\":9")));
        assertTrue(AuditVerifier.verify(run, Optional.empty()).passed(),
                "without the key a rewritten chain looks whole; that is what the key is for");
        Outcome outcome = verify(run.toString(), "--key-file", keyFile.toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.stderr().contains("entry 5 (line 6) was changed after it was written: its HMAC does not"
                + " match"), outcome.stderr());
    }

    @Test
    void wrongKeyAndMissingSignaturesFail() throws IOException {
        Path signed = SmallRun.make(dir, Optional.of(AuditKey.of(KEY, "test")));
        Optional<AuditKey> other = Optional.of(AuditKey.of("another-key-0123456789".getBytes(StandardCharsets.UTF_8),
                "other"));
        assertTrue(AuditVerifier.verify(signed, other).failures().get(0).message().contains("wrong key"));
        Path unsigned = Files.createDirectories(dir.resolve("second"));
        Path run = SmallRun.make(unsigned, Optional.empty());
        assertTrue(AuditVerifier.verify(run, Optional.of(AuditKey.of(KEY, "test"))).failures().get(0).message()
                .contains("audit.jsonl is not signed, but a key was given"));
    }

    @Test
    void signedLogCanOnlyBeContinuedWithItsKeyKeptOutsideTheRunFolder() throws IOException {
        Path run = SmallRun.make(dir, Optional.of(AuditKey.of(KEY, "test")));
        Path audit = run.resolve("audit.jsonl");
        EnclaveException noKey = assertThrows(EnclaveException.class,
                () -> AuditLog.open(audit, SmallRun.CLOCK, Optional.empty()));
        assertTrue(noKey.getMessage().contains("is signed; give the steward's key"), noKey.getMessage());
        assertThrows(EnclaveException.class, () -> AuditLog.open(audit, SmallRun.CLOCK,
                Optional.of(AuditKey.of("another-key-0123456789".getBytes(StandardCharsets.UTF_8), "other"))));
        Path inside = Files.write(run.resolve("key.txt"), KEY);
        EnclaveException leaked = assertThrows(EnclaveException.class, () -> AuditLog.open(audit, SmallRun.CLOCK,
                AuditKey.resolve(inside, java.util.Map.of())));
        assertTrue(leaked.getMessage().contains("must be kept outside the run folder"), leaked.getMessage());
        assertThrows(EnclaveException.class, () -> AuditKey.of("short".getBytes(StandardCharsets.UTF_8), "x"));
    }

    /** Recomputes every prev after an edit, as someone without the key could. */
    private static List<String> rechain(List<String> lines) {
        String previous = AuditLog.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + previous + "\"");
            lines.set(i, line);
            previous = AuditLog.hashOf(line);
        }
        return lines;
    }
}
