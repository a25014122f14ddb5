package dev.enclave.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections to loopback addresses the policy does not list are refused and reported; never a real outside host. */
class EgressGuardTest {
    private final List<EgressAttempt> reported = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private int port;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        port = server.getLocalPort();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private EgressGuard.Scope loopbackOnly() {
        return EgressGuard.activate(HostPolicy.parse(List.of("127.0.0.1"), "residency.allowed_hosts"), reported::add);
    }

    @Test
    void socketToAnAddressOutsideThePolicyIsRefusedAndReported() throws IOException {
        try (EgressGuard.Scope scope = loopbackOnly()) {
            new Socket("127.0.0.1", port).close();
            SecurityException e = assertThrows(SecurityException.class, () -> new Socket("127.0.0.2", port));
            assertTrue(e.getMessage().contains("127.0.0.2:" + port), e.getMessage());
            assertEquals(1, scope.refused());
        }
        assertEquals(1, reported.size());
        EgressAttempt attempt = reported.get(0);
        assertEquals("127.0.0.2", attempt.host());
        assertEquals(port, attempt.port());
        assertEquals("outbound", attempt.direction());
        assertTrue(attempt.origin().startsWith(EgressGuardTest.class.getName()), attempt.origin());
        assertEquals("residency.allowed_hosts", attempt.detail().get("rule"));
    }

    @Test
    void nioChannelToIpv6LoopbackIsRefused() {
        try (EgressGuard.Scope scope = loopbackOnly()) {
            assertThrows(SecurityException.class, () -> SocketChannel.open(new InetSocketAddress("::1", port)));
            assertEquals(1, scope.refused());
        }
        assertEquals("0:0:0:0:0:0:0:1", reported.get(0).host());
    }

    @Test
    void inboundConnectionFromAnAddressOutsideThePolicyIsRefused() throws IOException {
        try (EgressGuard.Scope scope = loopbackOnly(); Socket client = new Socket()) {
            client.bind(new InetSocketAddress("127.0.0.2", 0));
            client.connect(new InetSocketAddress("127.0.0.1", port));
            assertThrows(SecurityException.class, server::accept);
            assertEquals(1, scope.refused());
            assertEquals("inbound", reported.get(0).direction());
            assertEquals("127.0.0.2", reported.get(0).host());
        }
    }

    @Test
    void closingTheScopeLiftsThePolicy() {
        loopbackOnly().close();
        IOException e = assertThrows(IOException.class, () -> new Socket("127.0.0.2", port));
        assertTrue(e.getMessage().contains("refused"), "the operating system, not the guard: " + e.getMessage());
        assertTrue(reported.isEmpty());
        assertTrue(EgressGuard.installed());
    }

    @Test
    void withTwoScopesAConnectionMustSatisfyBoth() throws IOException {
        List<EgressAttempt> wide = new CopyOnWriteArrayList<>();
        try (EgressGuard.Scope narrow = loopbackOnly();
                EgressGuard.Scope broad = EgressGuard.activate(
                        HostPolicy.parse(List.of("127.0.0.0/8"), "residency.allowed_hosts"), wide::add)) {
            new Socket("127.0.0.1", port).close();
            assertThrows(SecurityException.class, () -> new Socket("127.0.0.2", port));
            assertEquals(1, narrow.refused());
            assertEquals(0, broad.refused());
        }
        assertTrue(wide.isEmpty());
    }
}
