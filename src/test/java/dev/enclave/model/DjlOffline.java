package dev.enclave.model;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test-only stand-in for the application's DJL setup: before any engine starts, forbids DJL's network calls and
 * picks the PyTorch engine (the tokenizers jar also registers a Rust engine).
 */
public final class DjlOffline implements BeforeAllCallback {

    static {
        apply();
    }

    /** Sets the system properties; idempotent. */
    public static void apply() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        apply();
    }
}
