package dev.enclave.run;

/** Versions recorded in provenance. */
public final class Versions {
    private Versions() {}

    /** Enclave's version from the jar manifest, or "dev" when run from classes. */
    public static String enclave() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
