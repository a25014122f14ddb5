package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import dev.enclave.spec.ResidencySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkResidencyTest {
    @TempDir
    Path base;

    private ResidencyPolicy policy;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(base.resolve("runs/scratch"));
        policy = ResidencyPolicy.of(new ResidencySpec(List.of("runs"), List.of("127.0.0.1", "10.1.0.0/16")), base);
    }

    @Test
    void embeddedSparkOnLoopbackWithScratchInsideARootPasses() {
        Map<String, Object> checked = SparkResidency.check(policy, Map.of(),
                Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOCAL_DIRS", base.resolve("runs/scratch").toString()));
        assertEquals("embedded", checked.get("spark_mode"));
        assertEquals(List.of(base.resolve("runs/scratch").toString()), checked.get("scratch_folders"));
    }

    @Test
    void embeddedSparkNeedsLoopbackInThePolicy() {
        ResidencyPolicy cluster = ResidencyPolicy.of(new ResidencySpec(List.of("runs"), List.of("10.1.0.0/16")), base);
        assertRefused(() -> SparkResidency.check(cluster, Map.of(), Map.of()),
                "embedded Spark's address is 127.0.0.1, which is not in the allowed hosts [10.1.0.0/16]");
    }

    @Test
    void driverAddressesOutsideThePolicyAreRefused() {
        Map<String, String> submitted = Map.of("spark.master", "spark://10.1.0.5:7077", "spark.driver.host",
                "10.2.0.7");
        assertRefused(() -> SparkResidency.check(policy, submitted, Map.of()),
                "spark.driver.host is 10.2.0.7, which is not in the allowed hosts");
        assertRefused(() -> SparkResidency.check(policy, Map.of(), Map.of("SPARK_LOCAL_IP", "0.0.0.0")),
                "SPARK_LOCAL_IP is 0.0.0.0");
        SparkResidency.check(policy, Map.of("spark.master", "spark://10.1.0.5:7077", "spark.driver.bindAddress",
                "10.1.3.4"), Map.of());
    }

    @Test
    void scratchFoldersFromTheEnvironmentMustLieUnderARoot() {
        assertRefused(() -> SparkResidency.check(policy, Map.of(), Map.of("SPARK_LOCAL_DIRS",
                base.resolve("runs/scratch") + "," + base.resolve("runs-other"))),
                "Spark scratch folder from SPARK_LOCAL_DIRS: " + base.toAbsolutePath() + "/runs-other is outside");
        assertRefused(() -> SparkResidency.check(policy, Map.of(), Map.of("CONTAINER_ID", "c1", "LOCAL_DIRS",
                "/tmp/yarn")), "LOCAL_DIRS");
    }

    @Test
    void nativeNettyTransportIsRefusedBecauseTheGuardCannotSeeIt() {
        assertRefused(() -> SparkResidency.check(policy, Map.of("spark.shuffle.io.mode", "EPOLL"), Map.of()),
                "spark.shuffle.io.mode=EPOLL");
        SparkResidency.check(policy, Map.of("spark.rpc.io.mode", "nio"), Map.of());
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable check, String expected) {
        EnclaveException e = assertThrows(EnclaveException.class, check);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("(rule: residency."), e.getMessage());
        assertEquals(EnclaveException.BAD_INPUT, e.exitCode());
    }
}
