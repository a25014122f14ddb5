package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPolicyTest {
    @Test
    void singleAddressAllowsOnlyItself() {
        HostPolicy policy = HostPolicy.parse(List.of("127.0.0.1"), "hosts");
        assertTrue(policy.allows("127.0.0.1"));
        assertFalse(policy.allows("127.0.0.2"));
        assertFalse(policy.allows("0:0:0:0:0:0:0:1"));
        assertFalse(policy.allows("[::1]"));
        assertTrue(policy.allows("::ffff:127.0.0.1"), "an IPv4-mapped address is the IPv4 address");
    }

    @Test
    void cidrBlocksMatchByPrefix() {
        HostPolicy policy = HostPolicy.parse(List.of("10.20.0.0/16", "192.168.1.128/25", "fd00::/8"), "hosts");
        assertTrue(policy.allows("10.20.255.3"));
        assertFalse(policy.allows("10.21.0.1"));
        assertTrue(policy.allows("192.168.1.200"));
        assertFalse(policy.allows("192.168.1.127"));
        assertTrue(policy.allows("fd12:3456::1"));
        assertFalse(policy.allows("fe80::1"));
        assertFalse(policy.allows("127.0.0.1"), "loopback is not allowed unless listed");
        assertTrue(HostPolicy.parse(List.of("0.0.0.0/0"), "hosts").allows("8.8.8.8"));
    }

    @Test
    void namesMatchUnresolvedHostsAndTheirAddresses() {
        HostPolicy policy = HostPolicy.parse(List.of("LocalHost", "spark-master.invalid"), "hosts");
        assertTrue(policy.allows("localhost"));
        assertTrue(policy.allows("127.0.0.1"), "localhost resolves through /etc/hosts when the policy is built");
        assertTrue(policy.allows("spark-master.invalid"), "an unresolvable name still matches by name");
        assertTrue(policy.allows("SPARK-MASTER.invalid."));
        assertFalse(policy.allows("other.invalid"));
        assertEquals(List.of("LocalHost", "spark-master.invalid"), policy.entries());
    }

    @Test
    void malformedEntriesNameTheFieldAndIndex() {
        assertMessage(List.of("10.0.0.0/33"), "hosts[0]: '10.0.0.0/33': the prefix length must be a number from 0"
                + " to 32");
        assertMessage(List.of("127.0.0.1", "10.0.0.1/8"), "hosts[1]: '10.0.0.1/8' has bits set after the prefix");
        assertMessage(List.of("300.1.1.1"), "'300.1.1.1' is not an IPv4 address");
        assertMessage(List.of("spark_master"), "'spark_master' is not an address, a CIDR block");
        assertMessage(List.of("fd00::/x"), "the prefix length must be a number from 0 to 128");
        assertMessage(List.of("example.com/8"), "a CIDR block needs an address before the '/'");
    }

    private static void assertMessage(List<String> entries, String expected) {
        EnclaveException e = assertThrows(EnclaveException.class, () -> HostPolicy.parse(entries, "hosts"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(EnclaveException.BAD_INPUT, e.exitCode());
    }
}
