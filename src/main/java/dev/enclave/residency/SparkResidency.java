package dev.enclave.residency;

import dev.enclave.EnclaveException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks, before a Spark session starts, the settings that decide where Spark binds and where it spills, against a
 * run's policy: the driver's addresses must be allowed hosts, every scratch folder Spark would use instead of the
 * run's {@code tmp/} must lie under an allowed root, and Spark's network must stay on Java NIO, which the
 * {@link EgressGuard} sees (Netty's native epoll transport bypasses it).
 *
 * <p>Spark reads its configuration from {@code spark.*} system properties (which {@code spark-submit} sets from
 * {@code --conf} and {@code spark-defaults.conf}) and, for scratch folders, from environment variables that override
 * {@code spark.local.dir}.
 */
public final class SparkResidency {
    /** The address embedded Spark binds and connects to. */
    public static final String EMBEDDED_ADDRESS = "127.0.0.1";

    private static final List<String> ADDRESS_SETTINGS = List.of("spark.driver.host", "spark.driver.bindAddress");
    private static final List<String> SCRATCH_VARIABLES = List.of("SPARK_EXECUTOR_DIRS", "SPARK_LOCAL_DIRS");
    private static final Pattern IO_MODE = Pattern.compile("spark\\.[A-Za-z0-9]+\\.io\\.mode");

    private SparkResidency() {}

    /**
     * Checks the Spark settings in {@code sparkConf} ({@code spark.*} keys) and {@code environment}; stops the run
     * naming the setting, its value and the rule on the first violation.
     *
     * @return the settings checked, for the audit log's policy-check entry
     */
    public static Map<String, Object> check(ResidencyPolicy policy, Map<String, String> sparkConf,
            Map<String, String> environment) {
        Map<String, Object> checked = new TreeMap<>();
        boolean embedded = sparkConf.get("spark.master") == null;
        checked.put("spark_mode", embedded ? "embedded" : "submitted");
        if (embedded) {
            requireHost(policy, "embedded Spark's address", EMBEDDED_ADDRESS);
            checked.put("spark.driver.host", EMBEDDED_ADDRESS);
        }
        String localIp = environment.get("SPARK_LOCAL_IP");
        if (localIp != null) {
            requireHost(policy, "SPARK_LOCAL_IP", localIp);
            checked.put("SPARK_LOCAL_IP", localIp);
        }
        for (String setting : ADDRESS_SETTINGS) {
            String value = sparkConf.get(setting);
            if (value != null) {
                requireHost(policy, setting, value);
                checked.put(setting, value);
            }
        }
        List<String> scratch = new ArrayList<>();
        for (String variable : SCRATCH_VARIABLES) {
            scratch.addAll(folders(policy, variable, environment.get(variable)));
        }
        if (environment.get("CONTAINER_ID") != null) {
            scratch.addAll(folders(policy, "LOCAL_DIRS", environment.get("LOCAL_DIRS")));
        }
        if (!scratch.isEmpty()) {
            checked.put("scratch_folders", scratch);
        }
        for (Map.Entry<String, String> setting : sparkConf.entrySet()) {
            if (IO_MODE.matcher(setting.getKey()).matches()
                    && !"NIO".equals(setting.getValue().strip().toUpperCase(Locale.ROOT))) {
                throw EnclaveException.badInput("residency: " + setting.getKey() + "=" + setting.getValue()
                        + ": Netty's native transport bypasses the egress guard; use NIO (rule: "
                        + "residency.allowed_hosts)");
            }
        }
        return checked;
    }

    /** The {@code spark.*} system properties of this JVM, as Spark's own configuration reads them. */
    public static Map<String, String> systemSparkConf() {
        Map<String, String> conf = new TreeMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("spark.")) {
                conf.put(key.toString(), value.toString());
            }
        });
        return conf;
    }

    private static void requireHost(ResidencyPolicy policy, String setting, String host) {
        if (!policy.hostPolicy().allows(host.strip())) {
            throw EnclaveException.badInput("residency: " + setting + " is " + host + ", which is not in the allowed"
                    + " hosts " + policy.hosts() + " (rule: residency.allowed_hosts)");
        }
    }

    private static List<String> folders(ResidencyPolicy policy, String variable, String value) {
        List<String> folders = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return folders;
        }
        for (String folder : value.split(",")) {
            if (!folder.isBlank()) {
                Path checked = policy.check(Path.of(folder.strip()), "Spark scratch folder from " + variable);
                folders.add(checked.toString());
            }
        }
        return folders;
    }
}
