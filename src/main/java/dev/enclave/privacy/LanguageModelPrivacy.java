package dev.enclave.privacy;

import dev.enclave.deid.Deidentifier;
import dev.enclave.eval.GreedyCompletions;
import dev.enclave.model.TextScorer;
import dev.enclave.model.llama.CausalLm;
import dev.enclave.model.llama.GenerationSettings;
import dev.enclave.run.RunContext;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.spec.PrivacySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The privacy tests of a causal-LM or masked-LM run, measured one model at a time while the evaluation has it loaded:
 * canary exposure by the model's log-likelihood (causal LM) or pseudo-log-likelihood (masked LM) through
 * {@link LanguageModelScorer}, the loss-based membership attack on per-example losses of sampled train (members) and
 * test (non-members) rows, and for a causal LM the leak scan of the tuned model's generations.
 */
public final class LanguageModelPrivacy {
    private final PipelineSpec spec;
    private final PrivacySpec privacy;
    private final CanarySet canaries;
    private final int[] members;
    private final int[] nonMembers;

    /**
     * The figures of one model.
     *
     * @param exposure each canary's exposure; empty without canaries
     * @param membership the attack; null when a split had no scorable example
     */
    public record ModelFigures(List<CanaryExposure> exposure, MembershipResult membership) {
        public ModelFigures {
            exposure = List.copyOf(exposure);
        }
    }

    private LanguageModelPrivacy(PipelineSpec spec, CanarySet canaries, int[] members, int[] nonMembers) {
        this.spec = spec;
        this.privacy = spec.evaluation().privacy();
        this.canaries = canaries;
        this.members = members;
        this.nonMembers = nonMembers;
    }

    /**
     * Reads the canaries training inserted (audited by {@code stage}) and draws which train and test rows the
     * membership attack scores, the same for both models.
     *
     * @param trainRows rows of the prepared train split
     * @param testRows rows of the prepared test split
     */
    public static LanguageModelPrivacy plan(RunContext run, String stage, int trainRows, int testRows) {
        PipelineSpec spec = run.spec();
        int count = spec.evaluation().privacy().membershipExamples();
        return new LanguageModelPrivacy(spec, CanaryFile.read(run, stage).orElse(CanarySet.none()),
                MembershipAttack.sample(trainRows, count, spec.seed()),
                MembershipAttack.sample(testRows, count, spec.seed() + 1));
    }

    /** The train rows the attack scores as members, in split order. */
    public <T> List<T> members(List<T> train) {
        return Arrays.stream(members).mapToObj(train::get).toList();
    }

    /** The losses of the test rows the attack scores as non-members, picked from every test row's loss. */
    public double[] nonMemberLosses(double[] testLosses) {
        return Arrays.stream(nonMembers).mapToDouble(i -> testLosses[i]).toArray();
    }

    /**
     * Measures one model.
     *
     * @param model the loaded model, scoring canary texts and their candidates
     * @param memberLosses mean loss per scored token of each {@link #members} row; NaN rows (no scored token) are left
     *     out
     * @param nonMemberLosses the same for each non-member row ({@link #nonMemberLosses})
     */
    public ModelFigures measure(TextScorer model, double[] memberLosses, double[] nonMemberLosses) {
        List<CanaryExposure> exposure = List.of();
        if (canaries.hasCanaries()) {
            LanguageModelScorer scorer = new LanguageModelScorer(model, spec.evaluation().batchSize());
            exposure = Exposure.measure(canaries, c -> scorer, privacy.exposureCandidates(), spec.seed());
        }
        double[] in = finite(memberLosses);
        double[] out = finite(nonMemberLosses);
        MembershipResult membership = in.length == 0 || out.length == 0 ? null
                : MembershipAttack.evaluate(in, out, spec.seed(), spec.evaluation().bootstrapSamples());
        return new ModelFigures(exposure, membership);
    }

    /**
     * Greedy continuations of each canary's prefix ("medical record number") by a causal LM, decoded without special
     * tokens: what the leak scan reads for reproduced secrets. Each may run to the secret's length plus
     * {@link GreedyCompletions#MARGIN} tokens.
     */
    public List<String> canaryPrefixGenerations(CausalLm model) {
        List<String> texts = new ArrayList<>(canaries.canaries().size());
        for (Canary canary : canaries.canaries()) {
            GenerationSettings settings =
                    GenerationSettings.greedy(canary.secret().length() + GreedyCompletions.MARGIN);
            texts.add(model.decode(model.generate(canary.shape().prefix(), settings).newIds()));
        }
        return texts;
    }

    /** Scans generated texts with the de-identification detectors of the spec's settings and for the canaries. */
    public LeakScanResult scan(List<String> generations) {
        Deidentifier detectors = Deidentifier.builder().mode(spec.deid().mode()).seed(spec.seed()).build();
        return LeakScan.scan(generations, canaries, detectors);
    }

    /**
     * The run's privacy result; prints each gate's check. Call {@link PrivacyResult#requirePassed} after writing the
     * metrics and the report.
     *
     * @param leakScan the tuned model's leak scan, or null
     * @param leakScanNote why there is no leak scan, or null
     */
    public PrivacyResult result(ModelFigures base, ModelFigures tuned, LeakScanResult leakScan, String leakScanNote) {
        PrivacyResult.Builder result = PrivacyResult.builder(privacy);
        if (canaries.hasCanaries()) {
            result.optExposure(canaries.repeats(), base.exposure(), tuned.exposure());
        }
        if (base.membership() != null && tuned.membership() != null) {
            result.optMembership(base.membership(), tuned.membership());
        }
        if (leakScan != null) {
            result.optLeakScan(leakScan);
        }
        if (leakScanNote != null) {
            result.optLeakScanNote(leakScanNote);
        }
        PrivacyResult built = result.build();
        for (GateCheck gate : built.gates()) {
            System.err.println(String.format(Locale.ROOT, "evaluate   %s", gate.describe()));
        }
        return built;
    }

    private static double[] finite(double[] losses) {
        return Arrays.stream(losses).filter(Double::isFinite).toArray();
    }
}
