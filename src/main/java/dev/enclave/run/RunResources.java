package dev.enclave.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Expensive resources that several stages of a run share, opened on first use and closed in reverse order with the
 * run. Keyed by type, so a stage asks for "the Spark session" without knowing whether an earlier stage opened it.
 */
public final class RunResources implements AutoCloseable {
    private final Map<Class<?>, AutoCloseable> open = new HashMap<>();
    private final Deque<AutoCloseable> closeOrder = new ArrayDeque<>();

    /** The open resource of {@code type}, opening it with {@code opener} the first time. */
    public synchronized <T extends AutoCloseable> T get(Class<T> type, Supplier<T> opener) {
        AutoCloseable existing = open.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T created = opener.get();
        open.put(type, created);
        closeOrder.push(created);
        return created;
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!closeOrder.isEmpty()) {
            try {
                closeOrder.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot close a run resource", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
