package dev.enclave.cli;

import dev.enclave.run.Versions;
import picocli.CommandLine;

/** Prints Enclave's version and the versions of the engines it drives. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "Enclave " + Versions.enclave(),
            "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION(),
            "Java " + System.getProperty("java.version")
        };
    }
}
