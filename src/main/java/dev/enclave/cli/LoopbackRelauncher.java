package dev.enclave.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts the JVM with {@code SPARK_LOCAL_IP=127.0.0.1} when it was started without it. Spark reads that variable
 * (it cannot be set from code) to pick its local address; without it Spark looks up the machine's host name and picks
 * an outside interface. Under {@code spark-submit} ({@code spark.master} set) the cluster's own settings apply and
 * nothing is restarted.
 */
final class LoopbackRelauncher {
    static final String VARIABLE = "SPARK_LOCAL_IP";
    static final String LOOPBACK = "127.0.0.1";

    private LoopbackRelauncher() {}

    static boolean needed() {
        return System.getenv(VARIABLE) == null && System.getProperty("spark.master") == null;
    }

    /** Runs the same command in a child JVM with the variable set, and returns its exit code. */
    static int relaunch(Class<?> mainClass, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().put(VARIABLE, LOOPBACK);
        try {
            Process process = child.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            return process.waitFor();
        } catch (java.io.IOException e) {
            System.err.println("ERROR: cannot restart the JVM with " + VARIABLE + "=" + LOOPBACK + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
