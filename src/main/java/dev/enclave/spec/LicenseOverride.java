package dev.enclave.spec;

/**
 * A data steward's written approval to use a model whose licence is not on {@code model.allowed_licenses}, or cannot
 * be determined. It names the licence it approves, so it does not carry over to another model; the run records it.
 *
 * @param license the licence identifier the model declares, or {@code unknown}
 * @param approvedBy who approved it (a name and role)
 * @param reason why the licence is acceptable for this use
 */
public record LicenseOverride(String license, String approvedBy, String reason) {
    public LicenseOverride {
        license = Checks.require(license, "license").strip().toLowerCase(java.util.Locale.ROOT);
        Checks.require(approvedBy, "approved_by");
        Checks.require(reason, "reason");
    }
}
