package dev.enclave.residency;

import dev.enclave.EnclaveException;
import java.util.Map;

/**
 * Keeps DJL from phoning home. DJL's {@code Ec2Utils.callHome} contacts the EC2 metadata address and a telemetry URL
 * when the first engine starts, unless offline mode or tracking opt-out is on; its model zoo downloads unless offline.
 * {@link #enforce()} must run before any DJL {@code Engine} is touched. An environment variable set to the opposite
 * value would win over the system properties inside DJL, so it is refused instead of silently ignored.
 */
public final class DjlNetworkSettings {
    /** DJL's offline switch (system property; environment variable {@code DJL_OFFLINE}). */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";
    /** DJL's telemetry opt-out (environment variable or system property). */
    public static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    private DjlNetworkSettings() {}

    /** Sets both switches; fails if the environment overrides them the other way. */
    public static void enforce() {
        enforce(System.getenv());
    }

    static void enforce(Map<String, String> environment) {
        refuseOverride(environment, "DJL_OFFLINE");
        refuseOverride(environment, OPT_OUT_TRACKING);
        System.setProperty(OFFLINE_PROPERTY, "true");
        System.setProperty(OPT_OUT_TRACKING, "true");
    }

    private static void refuseOverride(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value != null && !Boolean.parseBoolean(value)) {
            throw EnclaveException.badInput("environment variable " + variable + "=" + value
                    + " would let DJL open network connections; unset it or set it to true");
        }
    }
}
