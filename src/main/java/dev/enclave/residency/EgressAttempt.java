package dev.enclave.residency;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection the egress guard refused.
 *
 * @param host the address (or unresolved host name) the connection was for
 * @param port its port
 * @param direction {@code outbound} for a connect or datagram send, {@code inbound} for an accepted connection
 * @param origin the first class and method on the stack outside the JDK, e.g. {@code ai.djl.util.Ec2Utils.callHome}
 * @param thread the name of the thread that tried
 */
public record EgressAttempt(String host, int port, String direction, String origin, String thread) {

    /** The facts as the audit log's {@code detail} holds them. */
    public Map<String, Object> detail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("host", host);
        detail.put("port", port);
        detail.put("direction", direction);
        detail.put("origin", origin);
        detail.put("thread", thread);
        detail.put("outcome", "refused");
        detail.put("rule", "residency.allowed_hosts");
        return detail;
    }
}
