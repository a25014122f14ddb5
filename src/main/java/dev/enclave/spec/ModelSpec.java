package dev.enclave.spec;

import java.util.List;
import java.util.Locale;

/**
 * The open-weight model to start from.
 *
 * @param path a local Hugging Face style folder (config.json, *.safetensors, tokenizer.json)
 * @param importIfMissing name of a model Enclave can import from a jar on its class path when {@code path} does not exist
 *     yet (see {@code enclave model import}); null to require the folder
 * @param allowedLicenses licence identifiers (lower case, as in a model card's {@code license:}) a model may have;
 *     default {@link #DEFAULT_ALLOWED_LICENSES}
 * @param licenseOverride a steward's approval of a licence outside the list, or null
 */
public record ModelSpec(String path, String importIfMissing, List<String> allowedLicenses,
        LicenseOverride licenseOverride) {

    /** Permissive open-source licences, allowed when the spec lists none. */
    public static final List<String> DEFAULT_ALLOWED_LICENSES = List.of("apache-2.0", "mit", "bsd-2-clause",
            "bsd-3-clause");

    public ModelSpec {
        Checks.require(path, "path");
        allowedLicenses = allowedLicenses == null ? DEFAULT_ALLOWED_LICENSES
                : Checks.requireNonEmpty(allowedLicenses, "allowed_licenses").stream()
                        .map(id -> Checks.require(id, "allowed_licenses").strip().toLowerCase(Locale.ROOT))
                        .toList();
    }
}
