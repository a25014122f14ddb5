package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.cli.EnclaveCommand;
import dev.enclave.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReportTest {
    @TempDir
    Path dir;

    @Test
    void reportShowsWhatAStewardChecksInHtmlAndMarkdown() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        List<Path> files = AuditReport.write(run, dir.resolve("review"), AuditVerifier.verify(run, Optional.empty()));
        String html = Files.readString(files.get(0));
        String markdown = Files.readString(files.get(1));
        for (String text : List.of("Verified: the audit log", "Sources read", "Locations written", "Record counts",
                "De-identification", "Network", "Model and licence", "EMPTY_TEXT", "No connection outside")) {
            assertTrue(html.contains(text), text);
        }
        assertTrue(markdown.contains("**Verified: the audit log's hash chain is intact"), markdown);
        assertTrue(markdown.contains("| rows read |  | 4 |"), markdown);
        assertTrue(markdown.contains("| quarantined | EMPTY\\_TEXT | 1 |"), markdown);
        assertTrue(markdown.contains("- **Identifiers replaced:** 3"), markdown);
        assertTrue(markdown.contains("| 5 | prepare | prepared/train.parquet | 8 | 3 |"), markdown);
        long csvBytes = Files.size(dir.resolve("notes.csv"));
        assertTrue(markdown.contains(dir.toAbsolutePath() + "/notes.csv | " + csvBytes + " | 3 |"), markdown);
    }

    @Test
    void htmlIsSelfContainedAndEscapesWhatItShows() throws IOException {
        Path run = SmallRun.make(dir, Optional.empty());
        Files.writeString(run.resolve("prepared/<script>x&y.txt"), "unlisted");
        AuditReport.write(run, run, AuditVerifier.verify(run, Optional.empty()));
        String html = Files.readString(run.resolve(AuditReport.HTML_FILE));
        assertTrue(html.contains("prepared/&lt;script&gt;x&amp;y.txt is in the run folder but no audit entry"), html);
        assertFalse(html.contains("<script"), "no scripts, and the file name is escaped");
        assertFalse(Pattern.compile("(src|href)=\"(?!#)").matcher(html).find(), "no external references");
        assertTrue(html.contains("Content-Security-Policy"));
        assertTrue(AuditVerifier.verify(run, Optional.empty()).warnings().stream()
                .noneMatch(w -> w.path().startsWith("audit-report")), "the reports themselves are not flagged");
    }

    @Test
    void egressAttemptsAndFailedVerificationAreReported() throws Exception {
        Path runDir = dir.resolve("runs/guarded");
        try (RunContext run = RunContext.create(SmallRun.spec(dir, ""), dir, runDir, SmallRun.CLOCK);
                java.net.ServerSocket server = new java.net.ServerSocket(0, 1,
                        java.net.InetAddress.getByName("127.0.0.1"))) {
            org.junit.jupiter.api.Assertions.assertThrows(SecurityException.class,
                    () -> new java.net.Socket("127.0.0.3", server.getLocalPort()));
            assertEquals(1, run.egressAttempts());
        }
        Files.writeString(runDir.resolve("run.json"), "{}");
        int code = EnclaveCommand.execute("audit", "report", runDir.toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, code);
        String markdown = Files.readString(dir.resolve("r").resolve(AuditReport.MARKDOWN_FILE));
        assertTrue(markdown.contains("**NOT VERIFIED: run.json was changed after entry 2 recorded it"), markdown);
        assertTrue(markdown.contains("- **Connections refused by the egress guard:** 1"), markdown);
        assertTrue(Pattern.compile("\\| 3 \\| [^|]+ \\| outbound \\| 127\\.0\\.0\\.3:\\d+ \\| "
                + Pattern.quote(AuditReportTest.class.getName())).matcher(markdown).find(), markdown);
    }
}
