package dev.enclave.privacy;

import dev.enclave.EnclaveException;
import dev.enclave.spec.PrivacySpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every privacy figure of a run, the spec's thresholds and the gate checks: what {@code metrics.json} holds under
 * {@code privacy} and the report shows. A part that did not run is null (membership) or empty (exposure), and has no
 * gate check.
 *
 * @param canaryRepeats times each canary was inserted into the train split (0 when no canaries were inserted)
 * @param baseExposure exposure of each canary in the base model
 * @param tunedExposure exposure of each canary in the tuned model
 * @param baseMembership the membership attack on the base model
 * @param tunedMembership the membership attack on the tuned model
 * @param leakScan the scan of generated texts; null when it did not run
 * @param leakScanNote why the leak scan did not run, or null
 * @param thresholds the spec's gates
 * @param gates each gate's check
 * @param passed whether every gate passed
 */
public record PrivacyResult(
        int canaryRepeats,
        List<CanaryExposure> baseExposure,
        List<CanaryExposure> tunedExposure,
        MembershipResult baseMembership,
        MembershipResult tunedMembership,
        LeakScanResult leakScan,
        String leakScanNote,
        Thresholds thresholds,
        List<GateCheck> gates,
        boolean passed) {

    /** Note for runs whose model does not generate text. */
    public static final String CLASSIFIER_NOTE =
            "Not applicable: a classifier does not generate text, so it cannot write identifiers out.";

    /** Note for masked-LM runs. */
    public static final String MASKED_LM_NOTE = "Not applicable: a masked LM fills in masked tokens and does not"
            + " generate free text, so the scan of generations does not apply; exposure and the membership attack"
            + " measure its memorisation.";

    /**
     * The spec's thresholds.
     *
     * @param maxExposure bits
     * @param maxMembershipAuc AUC
     * @param maxVerbatimCanaries canaries
     */
    public record Thresholds(double maxExposure, double maxMembershipAuc, int maxVerbatimCanaries) {
        static Thresholds of(PrivacySpec spec) {
            return new Thresholds(spec.maxExposure(), spec.maxMembershipAuc(), spec.maxVerbatimCanaries());
        }
    }

    public PrivacyResult {
        baseExposure = List.copyOf(baseExposure);
        tunedExposure = List.copyOf(tunedExposure);
        gates = List.copyOf(gates);
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /** A builder; add what ran, then {@link Builder#build} checks the gates. */
    public static Builder builder(PrivacySpec spec) {
        return new Builder(spec);
    }

    /** The checks that failed. */
    public List<GateCheck> failedGates() {
        return gates.stream().filter(g -> !g.passed()).toList();
    }

    /**
     * Fails the run when a gate failed; call it after the metrics and the report are written.
     *
     * @throws EnclaveException (gate failed) naming each failed gate, its figure and its threshold
     */
    public void requirePassed() {
        List<GateCheck> failed = failedGates();
        if (!failed.isEmpty()) {
            throw EnclaveException.gateFailed(failed.stream().map(GateCheck::describe)
                    .collect(Collectors.joining("; ")));
        }
    }

    /** Collects the figures of a run. */
    public static final class Builder {
        private final PrivacySpec spec;
        private int canaryRepeats;
        private List<CanaryExposure> baseExposure = List.of();
        private List<CanaryExposure> tunedExposure = List.of();
        private MembershipResult baseMembership;
        private MembershipResult tunedMembership;
        private LeakScanResult leakScan;
        private String leakScanNote;

        private Builder(PrivacySpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** Exposure of the same canaries in the base and tuned models; they were inserted {@code repeats} times. */
        public Builder optExposure(int repeats, List<CanaryExposure> base, List<CanaryExposure> tuned) {
            this.canaryRepeats = repeats;
            this.baseExposure = List.copyOf(base);
            this.tunedExposure = List.copyOf(tuned);
            return this;
        }

        public Builder optMembership(MembershipResult base, MembershipResult tuned) {
            this.baseMembership = base;
            this.tunedMembership = tuned;
            return this;
        }

        /** The leak scan of the tuned model's generations. */
        public Builder optLeakScan(LeakScanResult scan) {
            this.leakScan = scan;
            return this;
        }

        /** Why no leak scan ran, e.g. {@link PrivacyResult#CLASSIFIER_NOTE}. */
        public Builder optLeakScanNote(String note) {
            this.leakScanNote = note;
            return this;
        }

        /** Checks the gates of what ran: the tuned model's highest exposure, its AUC, and reproduced canaries. */
        public PrivacyResult build() {
            List<GateCheck> gates = new ArrayList<>();
            tunedExposure.stream().max(Comparator.comparingDouble(CanaryExposure::exposure)).ifPresent(worst ->
                    gates.add(GateCheck.of("max_exposure", worst.canary() + " (" + worst.shape()
                            + ") exposure in the tuned model", worst.exposure(), spec.maxExposure(), "bits")));
            if (tunedMembership != null) {
                gates.add(GateCheck.of("max_membership_auc", "the tuned model's membership-attack AUC",
                        tunedMembership.auc(), spec.maxMembershipAuc(), ""));
            }
            if (leakScan != null) {
                gates.add(GateCheck.of("max_verbatim_canaries", "the canaries reproduced verbatim in "
                        + leakScan.generations() + " generated texts", leakScan.verbatimCanaries(),
                        spec.maxVerbatimCanaries(), "canaries"));
            }
            boolean passed = gates.stream().allMatch(GateCheck::passed);
            return new PrivacyResult(canaryRepeats, baseExposure, tunedExposure, baseMembership, tunedMembership,
                    leakScan, leakScanNote, Thresholds.of(spec), gates, passed);
        }
    }
}
