package dev.enclave.residency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enclave.EnclaveException;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.ModelLicense;
import dev.enclave.spec.LicenseOverride;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a run may use a model under its licence: the licence the folder declares (model card front matter,
 * LICENSE file, or {@code license} in config.json) must be on the spec's allow-list, or a steward's override must name
 * it. An unknown licence is refused like a disallowed one.
 */
public final class LicenseGate {
    private LicenseGate() {}

    /** The outcome of the check. */
    public enum Outcome {
        /** The licence is on the allow-list. */
        ALLOWED,
        /** The licence is not on the list, and a steward's override names it. */
        ALLOWED_BY_OVERRIDE,
        /** The licence is not on the list, or unknown, and no override names it. */
        REFUSED
    }

    /**
     * A licence decision, as the audit log records it.
     *
     * @param license the licence identifier found, or {@value ModelLicense#UNKNOWN}
     * @param declaredIn where it was found
     * @param allowed the spec's allow-list
     * @param override the spec's override, or null
     * @param outcome what was decided
     */
    public record Decision(String license, String declaredIn, List<String> allowed, LicenseOverride override,
            Outcome outcome) {

        /** The decision as an audit entry's detail. */
        public Map<String, Object> detail() {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("check", "model_license");
            detail.put("license", license);
            detail.put("declared_in", declaredIn);
            detail.put("allowed_licenses", allowed);
            detail.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
            detail.put("rule", "model.allowed_licenses");
            if (override != null) {
                Map<String, Object> approval = new LinkedHashMap<>();
                approval.put("license", override.license());
                approval.put("approved_by", override.approvedBy());
                approval.put("reason", override.reason());
                approval.put("applied", outcome == Outcome.ALLOWED_BY_OVERRIDE);
                detail.put("license_override", approval);
            }
            return detail;
        }

        /** Stops the run, naming the model, the licence and the rule, when the licence was refused. */
        public void enforce(String modelPath) {
            if (outcome != Outcome.REFUSED) {
                return;
            }
            String found = ModelLicense.UNKNOWN.equals(license)
                    ? "has no licence Enclave can read (no license: in README.md front matter, no recognised LICENSE"
                            + " file, no license in config.json)"
                    : "declares licence '" + license + "' (" + declaredIn + "), which is not in " + allowed;
            String overrideNote = override == null ? ""
                    : "; model.license_override approves '" + override.license() + "', not '" + license + "'";
            throw EnclaveException.badInput("model.allowed_licenses: the model at " + modelPath + " " + found
                    + overrideNote + ". Add the licence to model.allowed_licenses, or have a data steward set"
                    + " model.license_override {license: " + license + ", approved_by, reason}");
        }
    }

    /** The licence of {@code folder}: its card or LICENSE file, else a {@code license} entry in config.json. */
    public static ModelLicense detect(HfModelFolder folder) throws IOException {
        ModelLicense license = folder.license();
        if (license.isKnown()) {
            return license;
        }
        JsonNode configured = folder.config().get("license");
        if (configured != null && configured.isTextual() && !configured.asText().isBlank()) {
            return new ModelLicense(configured.asText().strip().toLowerCase(Locale.ROOT), Optional.empty(),
                    HfModelFolder.CONFIG_FILE);
        }
        return license;
    }

    /** Decides on {@code license} under the spec's {@code allowed} list and {@code override} (null when none). */
    public static Decision decide(ModelLicense license, List<String> allowed, LicenseOverride override) {
        String id = license.id().strip().toLowerCase(Locale.ROOT);
        Outcome outcome;
        if (license.isKnown() && allowed.contains(id)) {
            outcome = Outcome.ALLOWED;
        } else if (override != null && override.license().equals(id)) {
            outcome = Outcome.ALLOWED_BY_OVERRIDE;
        } else {
            outcome = Outcome.REFUSED;
        }
        return new Decision(id, license.declaredIn(), allowed, override, outcome);
    }
}
