package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import dev.enclave.spec.ResidencySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidencyPolicyTest {
    @TempDir
    Path base;

    private ResidencyPolicy policy;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(base.resolve("data"));
        Files.createDirectories(base.resolve("data-private"));
        Files.createDirectories(base.resolve("outside"));
        policy = ResidencyPolicy.of(new ResidencySpec(List.of("data", "runs"), null), base);
    }

    @Test
    void pathsUnderARootPass() throws Exception {
        Path file = Files.writeString(base.resolve("data/notes.csv"), "x");
        assertEquals(file.toRealPath(), policy.resolve("data/notes.csv", "data.path"));
        assertTrue(policy.resolve("runs/not-yet/created.txt", "output").startsWith(base.toRealPath()));
    }

    @Test
    void parentStepsAreRefusedEvenWhenTheyLandInside() {
        EnclaveException e = assertThrows(EnclaveException.class,
                () -> policy.resolve("data/../data/notes.csv", "data.path"));
        assertTrue(e.getMessage().contains("contains '..'"), e.getMessage());
    }

    @Test
    void siblingWithSharedPrefixIsOutside() {
        EnclaveException e = assertThrows(EnclaveException.class,
                () -> policy.resolve("data-private/x.csv", "data.path"));
        assertTrue(e.getMessage().contains("outside the allowed roots"), e.getMessage());
        assertEquals(EnclaveException.BAD_INPUT, e.exitCode());
    }

    @Test
    void symlinkOutOfARootIsCaught() throws Exception {
        Files.writeString(base.resolve("outside/secret.csv"), "x");
        Files.createSymbolicLink(base.resolve("data/link.csv"), base.resolve("outside/secret.csv"));
        Files.createSymbolicLink(base.resolve("data/linkdir"), base.resolve("outside"));
        assertThrows(EnclaveException.class, () -> policy.resolve("data/link.csv", "data.path"));
        assertThrows(EnclaveException.class, () -> policy.resolve("data/linkdir/new.csv", "output"));
    }

    @Test
    void absolutePathsOutsideAreRefused() {
        assertThrows(EnclaveException.class, () -> policy.check(Path.of("/etc/passwd"), "read"));
    }
}
