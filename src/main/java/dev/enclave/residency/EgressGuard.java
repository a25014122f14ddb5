package dev.enclave.residency;

import dev.enclave.EnclaveException;
import java.security.Permission;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Refuses, inside the JVM, every connection to a host outside the running run's {@link HostPolicy}, whoever makes it
 * (Enclave, Spark, Netty, DJL), and reports each refusal to the run's audit sink.
 *
 * <p>It is a {@link SecurityManager} that permits everything except connections: the JDK asks it before every
 * {@code java.net.Socket} connect, NIO {@code SocketChannel} and {@code AsynchronousSocketChannel} connect, datagram
 * send, {@code URLConnection} and {@code HttpClient} request, and before accepting an inbound connection. (A
 * {@code ProxySelector} sees sockets and URL connections but not NIO channels, which Spark's Netty uses; a
 * {@code SelectorProvider} or socket factory must be set before the JVM starts.) Name lookups are not connections and
 * pass. Native code (libtorch, the tokenizers library) and Netty's native epoll transport do not go through the JDK
 * and are not seen: Enclave keeps Spark on NIO and DJL offline, and the network-namespace test covers the rest.
 *
 * <p>The checker is installed once per JVM ({@link #install()}); each run then {@linkplain #activate activates} a
 * scope with its policy and sink, and closes it when it ends. With no scope active every connection passes; with
 * several, a connection must be allowed by all of them, and each that refuses it records it.
 *
 * <p>Java 17 allows installing a security manager at run time; it prints a four-line deprecation warning to the
 * JVM's original stderr, which cannot be held back. Java 18 to 23 need {@code -Djava.security.manager=allow}; from
 * Java 24 it is gone, and {@link #install()} stops the run.
 */
@SuppressWarnings("removal")
public final class EgressGuard {
    private static final List<Scope> SCOPES = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<Boolean> REPORTING = ThreadLocal.withInitial(() -> false);
    private static final Set<String> JDK_PREFIXES = Set.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private EgressGuard() {}

    /**
     * Installs the checker as the JVM's security manager if it is not there yet, wrapping one that already is.
     *
     * @throws EnclaveException (bad input) when this JVM does not allow a security manager
     */
    public static synchronized void install() {
        SecurityManager current = System.getSecurityManager();
        if (current instanceof Checker) {
            return;
        }
        // The common fork-join pool chooses its thread factory when first used: with a security manager present it
        // makes "innocuous" threads that refuse setContextClassLoader. Create it first, with ordinary threads.
        ForkJoinPool.commonPool();
        try {
            System.setSecurityManager(new Checker(current));
        } catch (UnsupportedOperationException e) {
            throw EnclaveException.badInput("the egress guard cannot be installed: Java "
                    + Runtime.version().feature() + " does not allow a security manager; use Java 17, or start Java"
                    + " 18-23 with -Djava.security.manager=allow", e);
        }
    }

    /** Whether the checker is this JVM's security manager. */
    public static boolean installed() {
        return System.getSecurityManager() instanceof Checker;
    }

    /**
     * Starts refusing connections outside {@code hosts}, reporting each to {@code sink}, until the returned scope is
     * closed. Installs the checker first if needed.
     */
    public static Scope activate(HostPolicy hosts, Consumer<EgressAttempt> sink) {
        install();
        Scope scope = new Scope(Objects.requireNonNull(hosts), Objects.requireNonNull(sink));
        SCOPES.add(scope);
        return scope;
    }

    /** One run's policy and sink, active until closed. */
    public static final class Scope implements AutoCloseable {
        private final HostPolicy hosts;
        private final Consumer<EgressAttempt> sink;
        private final AtomicLong refused = new AtomicLong();

        private Scope(HostPolicy hosts, Consumer<EgressAttempt> sink) {
            this.hosts = hosts;
            this.sink = sink;
        }

        /** Connections this scope refused so far. */
        public long refused() {
            return refused.get();
        }

        @Override
        public void close() {
            SCOPES.remove(this);
        }
    }

    /**
     * Checks {@code host:port}; refuses it when an active scope does not allow it, after reporting it to each scope
     * that refuses it (a connection attempted by a sink while it reports is refused without a report).
     */
    private static void check(String host, int port, String direction) {
        if (SCOPES.isEmpty()) {
            return;
        }
        List<Scope> refusing = SCOPES.stream().filter(scope -> !scope.hosts.allows(host)).toList();
        if (refusing.isEmpty()) {
            return;
        }
        if (!REPORTING.get()) {
            EgressAttempt attempt = new EgressAttempt(host, port, direction, origin(),
                    Thread.currentThread().getName());
            for (Scope scope : refusing) {
                scope.refused.incrementAndGet();
                report(scope, attempt);
            }
        }
        throw new SecurityException("Enclave egress guard: " + direction + " connection "
                + ("inbound".equals(direction) ? "from " : "to ") + host + ":" + port
                + " refused; the host is not in residency.allowed_hosts");
    }

    private static void report(Scope scope, EgressAttempt attempt) {
        REPORTING.set(true);
        try {
            scope.sink.accept(attempt);
        } finally {
            REPORTING.set(false);
        }
    }

    /** The first frame outside the JDK and this class: who asked for the connection. */
    private static String origin() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(EgressGuard.class.getName())
                        && !f.getClassName().startsWith(EgressGuard.class.getName() + "$"))
                .filter(f -> JDK_PREFIXES.stream().noneMatch(f.getClassName()::startsWith))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName())
                .orElse("jdk"));
    }

    /** Permits everything but connections outside the active scopes; defers to an earlier manager if there was one. */
    private static final class Checker extends SecurityManager {
        private final SecurityManager previous;

        Checker(SecurityManager previous) {
            this.previous = previous;
        }

        @Override
        public void checkPermission(Permission permission) {
            if (previous != null) {
                previous.checkPermission(permission);
            }
        }

        @Override
        public void checkPermission(Permission permission, Object context) {
            if (previous != null) {
                previous.checkPermission(permission, context);
            }
        }

        @Override
        public void checkConnect(String host, int port) {
            if (port != -1) {
                check(host, port, "outbound");
            }
            if (previous != null) {
                previous.checkConnect(host, port);
            }
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            if (port != -1) {
                check(host, port, "outbound");
            }
            if (previous != null) {
                previous.checkConnect(host, port, context);
            }
        }

        @Override
        public void checkAccept(String host, int port) {
            check(host, port, "inbound");
            if (previous != null) {
                previous.checkAccept(host, port);
            }
        }

        @Override
        public void checkMulticast(java.net.InetAddress group) {
            check(group.getHostAddress(), 0, "outbound");
            if (previous != null) {
                previous.checkMulticast(group);
            }
        }

        @Override
        @SuppressWarnings("deprecation")
        public void checkMulticast(java.net.InetAddress group, byte ttl) {
            check(group.getHostAddress(), 0, "outbound");
            if (previous != null) {
                previous.checkMulticast(group, ttl);
            }
        }
    }
}
