package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prepare} on a real multi-process Spark cluster: a standalone master and a worker, each in a child JVM on
 * 127.0.0.1, the worker starting its own executor JVM. The manifest (counts, schemas, sha256 of every output file)
 * must be byte for byte the one local mode writes.
 */
class ClusterPrepareTest {
    private static final Duration REGISTRATION = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<Process> daemons = new ArrayList<>();

    @Test
    void theClusterWritesTheManifestLocalModeWrites() throws Exception {
        Path input = slice(dir.resolve("notes.csv"), 240);
        Path model = PrepFixtures.tinyModel(dir.resolve("model"), List.of("patient", "pain", "plan", "follow", "up"));
        String spec = PrepFixtures.spec(dir, input, model,
                "{id: note_id, group: patient_id, text: text, label: specialty}", "{max_tokens: 64}", "")
                .replace("  max_quarantined_fraction: 0.5", "  labels: [cardiology, oncology, neurology,"
                        + " orthopedics, gastroenterology, pulmonology, endocrinology]");
        Path local = PrepFixtures.prepare(dir, "local", spec);

        Map<String, String> settings = new LinkedHashMap<>();
        try {
            int masterPort = freePort();
            Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
            start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(masterPort), "--webui-port", Integer.toString(freePort())), sparkHome.getParent());
            String master = "spark://127.0.0.1:" + masterPort;
            Path workerLog = start("worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()), "--cores", "2",
                    "--memory", "2g", "--work-dir", Files.createDirectories(dir.resolve("worker")).toString(), master),
                    sparkHome.getParent());
            awaitLine(workerLog, "Successfully registered with master");

            settings.put("spark.master", master);
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            settings.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            settings.put("spark.executor.memory", "1g");
            settings.put("spark.cores.max", "2");
            settings.forEach(System::setProperty);
            Path cluster = PrepFixtures.prepare(dir, "cluster", spec);
            assertTrue(Files.readString(cluster.resolve("audit.jsonl")).contains("\"spark_mode\":\"submitted\""),
                    "the run went through the cluster");

            JsonNode prepare = PrepFixtures.manifestStage(cluster);
            PrepFixtures.assertStepsAddUp(prepare);
            assertEquals(240, prepare.path("rows_in").asLong());
            assertArrayEquals(Files.readAllBytes(local.resolve("manifest.json")),
                    Files.readAllBytes(cluster.resolve("manifest.json")));
        } finally {
            settings.keySet().forEach(System::clearProperty);
            for (Process daemon : daemons) {
                daemon.destroy();
            }
            for (Process daemon : daemons) {
                if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                }
            }
        }
    }

    /** Starts a Spark daemon class in a child JVM with the test class path; returns its log file. */
    private Path start(String name, List<String> arguments, Path sparkHome) throws IOException {
        Path logging = Files.writeString(dir.resolve("log4j2-daemons.properties"), """
                rootLogger.level = warn
                rootLogger.appenderRef.console.ref = console
                appender.console.type = Console
                appender.console.name = console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
                logger.worker.name = org.apache.spark.deploy.worker.Worker
                logger.worker.level = info
                """);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + logging.toUri(), "-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve(name + "-scratch")).toString());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        daemons.add(builder.start());
        return log;
    }

    private void awaitLine(Path log, String line) throws Exception {
        long deadline = System.nanoTime() + REGISTRATION.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            for (Process daemon : daemons) {
                if (!daemon.isAlive()) {
                    throw new AssertionError("a Spark daemon exited: " + Files.readString(log));
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + line + "' within " + REGISTRATION + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The first {@code rows} records of the clinical notes sample. */
    private static Path slice(Path out, int rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        try (Reader in = Files.newBufferedReader(Path.of("sample-data/clinical-notes.csv"), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format);
                Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            int written = 0;
            for (CSVRecord record : parser) {
                if (written++ > rows) {
                    break;
                }
                printer.printRecord(record.toList());
            }
        }
        return out;
    }
}
