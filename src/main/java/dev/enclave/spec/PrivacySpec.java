package dev.enclave.spec;

import java.util.Objects;

/**
 * Privacy tests run after the task metrics, and the gates they must pass. Exposure follows Carlini et al. 2019 ("The
 * Secret Sharer"): how much more likely the model finds a canary's secret than other secrets of the same shape, in
 * bits, up to log2 of the number of possible secrets. Membership inference is a loss-based attack that tells train
 * examples from held-out ones; its AUC is 0.5 when the model leaks nothing about membership.
 *
 * @param canaries the canaries inserted into the train split
 * @param exposureCandidates random secrets of each canary's shape scored to estimate its rank (default 1000)
 * @param membershipExamples train and test examples each that the membership attack scores (default 200; fewer when a
 *     split is smaller)
 * @param maxExposure the largest exposure of any canary in the tuned model, in bits (default 16)
 * @param maxMembershipAuc the largest membership-attack AUC of the tuned model (default 0.75)
 * @param maxVerbatimCanaries the most canaries a generative model may reproduce verbatim (default 0)
 */
public record PrivacySpec(
        CanarySpec canaries,
        Integer exposureCandidates,
        Integer membershipExamples,
        Double maxExposure,
        Double maxMembershipAuc,
        Integer maxVerbatimCanaries) {

    public PrivacySpec {
        canaries = Objects.requireNonNullElseGet(canaries, CanarySpec::defaults);
        exposureCandidates = Objects.requireNonNullElse(exposureCandidates, 1000);
        if (exposureCandidates < 10) {
            throw Checks.invalid("exposure_candidates", "must be at least 10 (got " + exposureCandidates + ")");
        }
        membershipExamples = Objects.requireNonNullElse(membershipExamples, 200);
        if (membershipExamples < 2) {
            throw Checks.invalid("membership_examples", "must be at least 2 (got " + membershipExamples + ")");
        }
        maxExposure = Objects.requireNonNullElse(maxExposure, 16.0);
        if (!(maxExposure >= 0) || maxExposure.isInfinite()) {
            throw Checks.invalid("max_exposure", "must be a number of bits, 0 or more (got " + maxExposure + ")");
        }
        maxMembershipAuc = Objects.requireNonNullElse(maxMembershipAuc, 0.75);
        if (!(maxMembershipAuc >= 0.5 && maxMembershipAuc <= 1)) {
            throw Checks.invalid("max_membership_auc", "must be between 0.5 (no leak) and 1 (got "
                    + maxMembershipAuc + ")");
        }
        maxVerbatimCanaries = Objects.requireNonNullElse(maxVerbatimCanaries, 0);
        if (maxVerbatimCanaries < 0) {
            throw Checks.invalid("max_verbatim_canaries", "must not be negative (got " + maxVerbatimCanaries + ")");
        }
    }

    static PrivacySpec defaults() {
        return new PrivacySpec(null, null, null, null, null, null);
    }
}
