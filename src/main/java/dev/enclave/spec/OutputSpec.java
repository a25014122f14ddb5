package dev.enclave.spec;

/**
 * Where runs go.
 *
 * @param runsDir parent folder of run folders
 */
public record OutputSpec(String runsDir) {
    public OutputSpec {
        runsDir = runsDir == null || runsDir.isBlank() ? "runs" : runsDir;
    }

    static OutputSpec defaults() {
        return new OutputSpec(null);
    }
}
