package dev.enclave.privacy;

import dev.enclave.eval.Interval;

/**
 * A loss-based membership-inference attack on one model (Yeom et al. 2018): an example is guessed to be a training
 * example the lower its loss. The AUC is the probability that a random member has a lower loss than a random
 * non-member (ties half); 0.5 means the losses tell nothing about membership, 1 that they tell it perfectly.
 *
 * @param auc the attack's AUC
 * @param interval 95% bootstrap percentile interval of the AUC (members and non-members resampled separately)
 * @param members train examples scored
 * @param nonMembers held-out test examples scored
 * @param memberMeanLoss mean loss of the members
 * @param nonMemberMeanLoss mean loss of the non-members
 * @param bootstrapSamples resamples behind the interval
 */
public record MembershipResult(
        double auc,
        Interval interval,
        int members,
        int nonMembers,
        double memberMeanLoss,
        double nonMemberMeanLoss,
        int bootstrapSamples) {}
