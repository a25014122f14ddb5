package dev.enclave.privacy;

import dev.enclave.prep.PreparedSplits;
import dev.enclave.run.RunContext;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.spec.PrivacySpec;
import dev.enclave.train.Example;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The privacy tests of a classification run: canary exposure and the membership attack on the base and tuned
 * models. The leak scan does not apply (a classifier does not generate text).
 */
public final class ClassificationPrivacy {
    private ClassificationPrivacy() {}

    /**
     * Runs the tests; reads the canaries training inserted and the train split (audited by {@code stage}).
     *
     * @param run the run
     * @param stage the evaluating stage
     * @param base the base model's scorer
     * @param tuned the tuned model's scorer
     * @param test the test split, the attack's non-members
     * @return the figures and gate checks; call {@link PrivacyResult#requirePassed} after writing them
     */
    public static PrivacyResult evaluate(RunContext run, String stage, ClassifierScorer base, ClassifierScorer tuned,
            List<Example> test) {
        PipelineSpec spec = run.spec();
        PrivacySpec privacy = spec.evaluation().privacy();
        PrivacyResult.Builder result = PrivacyResult.builder(privacy).optLeakScanNote(PrivacyResult.CLASSIFIER_NOTE);
        CanarySet canaries = CanaryFile.read(run, stage).orElse(CanarySet.none());
        if (canaries.hasCanaries()) {
            int candidates = privacy.exposureCandidates();
            result.optExposure(canaries.repeats(),
                    Exposure.measure(canaries, c -> base.forLabel(c.label()), candidates, spec.seed()),
                    Exposure.measure(canaries, c -> tuned.forLabel(c.label()), candidates, spec.seed()));
        }
        List<Example> train = PreparedSplits.read(run, stage, "train");
        if (!train.isEmpty() && !test.isEmpty()) {
            List<Example> members = pick(train, MembershipAttack.sample(train.size(), privacy.membershipExamples(),
                    spec.seed()));
            List<Example> nonMembers = pick(test, MembershipAttack.sample(test.size(), privacy.membershipExamples(),
                    spec.seed() + 1));
            int samples = spec.evaluation().bootstrapSamples();
            result.optMembership(
                    MembershipAttack.evaluate(base.losses(members), base.losses(nonMembers), spec.seed(), samples),
                    MembershipAttack.evaluate(tuned.losses(members), tuned.losses(nonMembers), spec.seed(), samples));
        }
        PrivacyResult built = result.build();
        for (GateCheck gate : built.gates()) {
            System.err.println(String.format(Locale.ROOT, "evaluate   %s", gate.describe()));
        }
        return built;
    }

    private static List<Example> pick(List<Example> examples, int[] indices) {
        return Arrays.stream(indices).mapToObj(examples::get).toList();
    }
}
