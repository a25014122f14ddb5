package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enclave.pipeline.TestSlices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline, run by the CLI in a child JVM inside a Linux network namespace that has nothing but a loopback
 * interface: it must succeed, so nothing in it needs the network, and its run folder must verify.
 */
class NetworkNamespaceTest {
    /** Exit status of the child when the namespace turns out to have an interface besides loopback. */
    private static final int NOT_ISOLATED = 97;

    @TempDir
    Path dir;

    @Test
    void pipelineSucceedsWithNoNetworkAndItsRunVerifies() throws Exception {
        assumeTrue(commandWorks("unshare", "-n", "true"), "unshare -n is not available here (needs root)");
        Path csv = TestSlices.clinicalNotes(dir, 150);
        Path spec = TestSlices.spec(dir, csv, "");
        Files.writeString(spec, Files.readString(spec).replace("max_steps: 3", "max_steps: 2"));
        Path run = dir.resolve("runs/offline");

        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-cp", System.getProperty("java.class.path"), "dev.enclave.cli.EnclaveCommand",
                "run", spec.toString(), "--run-dir", run.toString()));
        List<String> command = new ArrayList<>(List.of("unshare", "-n", "sh", "-c",
                "ip link set lo up && if ip -o link show | grep -qv ': lo:'; then exit " + NOT_ISOLATED + "; fi;"
                        + " exec \"$@\"", "sh"));
        command.addAll(java);
        Path log = dir.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process child = builder.start();
        assertTrue(child.waitFor(20, TimeUnit.MINUTES), "the pipeline finished within 20 minutes");
        String output = Files.readString(log);
        assertTrue(child.exitValue() != NOT_ISOLATED, "the namespace had an interface besides loopback");
        assertEquals(0, child.exitValue(), "exit status of the run in the namespace; its output:\n" + output);

        Verification verification = AuditVerifier.verify(run, Optional.empty());
        assertTrue(verification.passed(), verification.failures().toString());
        AuditTrail trail = AuditTrail.read(run.resolve("audit.jsonl"));
        assertTrue(trail.events(AuditEvent.Type.EGRESS_ATTEMPT).isEmpty(), "no connection was even attempted");
        AuditTrail.Line end = trail.lines().get(trail.lines().size() - 1);
        assertEquals("succeeded", end.detail("outcome").asText());
        assertEquals(0, end.detail("egress_attempts").asInt(-1));
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
