package dev.enclave.prep;

import dev.enclave.EnclaveException;
import dev.enclave.residency.AuditEvent;
import dev.enclave.residency.DjlNetworkSettings;
import dev.enclave.residency.SparkResidency;
import dev.enclave.run.RunContext;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the run's Spark session. Without a {@code spark.master} from {@code spark-submit} it is embedded
 * ({@code local[*]}), bound to loopback with the UI off, so nothing listens on or connects to other interfaces. Spark's
 * scratch space goes to the run's {@code tmp/} folder, inside the allowed roots. Executors on a cluster run the
 * model's tokenizer through DJL, which phones home unless told otherwise: they get {@code DJL_OFFLINE} and
 * {@code OPT_OUT_TRACKING} in their environment.
 */
public final class SparkSessions {
    private SparkSessions() {}

    /** The run's session, opened on first use and stopped when the run closes. */
    public static SparkSession of(RunContext run) {
        return run.resources().get(SparkHandle.class, () -> new SparkHandle(open(run))).session();
    }

    private static SparkSession open(RunContext run) {
        String localIp = System.getenv("SPARK_LOCAL_IP");
        boolean submitted = System.getProperty("spark.master") != null;
        if (!submitted && !"127.0.0.1".equals(localIp)) {
            throw EnclaveException.badInput("SPARK_LOCAL_IP must be 127.0.0.1 for the embedded Spark (it is "
                    + (localIp == null ? "unset" : localIp) + "): run Enclave through bin/enclave or export it");
        }
        run.files().event(AuditEvent.Type.POLICY_CHECK, null, Map.of("checked", "spark", "spark",
                SparkResidency.check(run.policy(), SparkResidency.systemSparkConf(), System.getenv()),
                "outcome", "allowed"));
        Path scratch = run.files().createDirectories(run.folder().tmp().resolve("spark"));
        SparkSession.Builder builder = SparkSession.builder()
                .appName("enclave-" + run.spec().name())
                .config("spark.local.dir", scratch.toString())
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.executorEnv.DJL_OFFLINE", "true")
                .config("spark.executorEnv." + DjlNetworkSettings.OPT_OUT_TRACKING, "true");
        if (!submitted) {
            builder.master("local[*]")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }

    /** Lets the run's resource scope stop Spark. */
    private record SparkHandle(SparkSession session) implements AutoCloseable {
        @Override
        public void close() {
            session.stop();
        }
    }
}
