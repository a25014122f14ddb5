package dev.enclave.report;

import dev.enclave.eval.ClassificationMetrics;
import dev.enclave.eval.Interval;
import dev.enclave.eval.PairedComparison;
import dev.enclave.privacy.CanaryExposure;
import dev.enclave.privacy.LeakScanResult;
import dev.enclave.privacy.MembershipResult;
import dev.enclave.privacy.PrivacyResult;
import dev.enclave.spec.PrivacySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Report data for tests: a realistic seeded run, and an empty one. */
final class SampleReports {

    static final List<String> LABELS = List.of("cardiology", "oncology", "neurology", "orthopaedics",
            "respiratory", "gastroenterology", "paediatrics");
    static final int TEST_ROWS = 938;

    private SampleReports() {
    }

    /** A full run: 7 classes (the last with no test examples), loss curves, all accounting sections. */
    static ReportData full() {
        return full(LABELS, "clinical-notes-triage", "r-20250114-0932");
    }

    static ReportData full(List<String> labels, String pipeline, String runId) {
        SplittableRandom random = new SplittableRandom(20250114);
        double[] weights = {0.30, 0.22, 0.18, 0.14, 0.10, 0.06};
        int[] gold = new int[TEST_ROWS];
        int[] tuned = new int[TEST_ROWS];
        int[] base = new int[TEST_ROWS];
        for (int i = 0; i < TEST_ROWS; i++) {
            gold[i] = draw(random, weights);
            tuned[i] = random.nextDouble() < 0.09 ? neighbour(random, gold[i]) : gold[i];
            // the base model leans towards the common classes
            base[i] = random.nextDouble() < 0.36 ? draw(random, weights) : gold[i];
        }
        ClassificationMetrics tunedMetrics = ClassificationMetrics.of(gold, tuned, labels, 17);
        ClassificationMetrics baseMetrics = ClassificationMetrics.of(gold, base, labels, 17);
        return ReportData.builder()
                .setRunId(runId)
                .setPipelineName(pipeline)
                .optSpecSha256("3f6c2a9d8e1b4f7a0c5d9e2b6a1f8c3d7e0b4a9f2c6d1e8b5a3f7c0d9e2b6a14")
                .optCreatedAt("2025-01-14 09:32 UTC")
                .optModel(new ModelSummary("all-MiniLM-L6-v2", "/models/all-MiniLM-L6-v2", "Apache-2.0",
                        22_715_526, 22_715_526))
                .addLossCurve(lossCurve("tuned", 10, 600, 0.26, random))
                .addLossCurve(lossCurve("validation", 50, 600, 0.34, random))
                .optBaseMetrics(baseMetrics)
                .optTunedMetrics(tunedMetrics)
                .optComparison(PairedComparison.of(gold, base, tuned, labels, 17))
                .addStage(new StageCount("ingest", 10_000, 9_880, Map.of("malformed_csv", 87L, "missing_text", 33L),
                        Map.of()))
                .addStage(new StageCount("deidentify", 9_880, 9_880, Map.of(), Map.of()))
                .addStage(new StageCount("dedup", 9_880, 9_412, Map.of(),
                        Map.of("exact_duplicate", 301L, "near_duplicate", 167L)))
                .addStage(new StageCount("length_filter", 9_412, 9_380, Map.of(), Map.of("too_short", 32L)))
                .addStage(new StageCount("tokenise", 9_380, 9_380, Map.of(), Map.of()))
                .optSplits(new SplitSizes(7_504, 938, TEST_ROWS, 1_912, 239, 240))
                .optDeidentifiedByType(Map.of("NAME", 4_210L, "DATE", 6_345L, "MRN", 1_122L, "PHONE", 310L,
                        "ADDRESS", 402L, "AGE", 17L, "FACILITY", 880L, "EMAIL", 12L))
                .optResidency(new ResidencySummary(List.of("/data/enclave/runs/r-20250114-0932",
                        "/models/all-MiniLM-L6-v2"), List.of(), 14, 23, 0, 412))
                .optPrivacy(privacy(new PrivacySpec(null, null, null, null, null, null),
                        new double[] {0.8, 1.9, 0.4, 1.2}, new double[] {2.1, 6.4, 1.3, 3.0}, 0.56, null))
                .build();
    }

    /**
     * Privacy figures: four canaries with the given exposures (bits), the tuned model's membership AUC, and a leak
     * scan (null for a classifier).
     */
    static PrivacyResult privacy(PrivacySpec spec, double[] baseBits, double[] tunedBits, double tunedAuc,
            LeakScanResult scan) {
        String[] shapes = {"mrn", "ssn", "phone", "account"};
        double[] max = {23.25, 29.9, 33.22, 33.22};
        List<CanaryExposure> base = new ArrayList<>();
        List<CanaryExposure> tuned = new ArrayList<>();
        for (int i = 0; i < baseBits.length; i++) {
            base.add(new CanaryExposure("canary-" + (i + 1), shapes[i % 4], 1000, 500, baseBits[i], baseBits[i],
                    baseBits[i], max[i % 4], -2, -2, 0.5));
            tuned.add(new CanaryExposure("canary-" + (i + 1), shapes[i % 4], 1000, 20, tunedBits[i], tunedBits[i],
                    tunedBits[i], max[i % 4], -1, -2, 0.5));
        }
        PrivacyResult.Builder builder = PrivacyResult.builder(spec).optExposure(8, base, tuned)
                .optMembership(new MembershipResult(0.51, new Interval(0.45, 0.57), 200, 200, 0.31, 0.33, 1000),
                        new MembershipResult(tunedAuc, new Interval(tunedAuc - 0.06, tunedAuc + 0.06), 200, 200, 0.08,
                                0.19, 1000));
        return (scan == null ? builder.optLeakScanNote(PrivacyResult.CLASSIFIER_NOTE) : builder.optLeakScan(scan))
                .build();
    }

    /** A run that recorded nothing but its name. */
    static ReportData empty() {
        return ReportData.builder().setRunId("r-empty").setPipelineName("nothing-ran").build();
    }

    private static int draw(SplittableRandom random, double[] weights) {
        double u = random.nextDouble();
        for (int c = 0; c < weights.length; c++) {
            u -= weights[c];
            if (u < 0) {
                return c;
            }
        }
        return weights.length - 1;
    }

    private static int neighbour(SplittableRandom random, int label) {
        return (label + (random.nextBoolean() ? 1 : 5)) % 6;
    }

    private static LossCurve lossCurve(String name, int every, int steps, double floor, SplittableRandom random) {
        List<LossPoint> points = new ArrayList<>();
        for (int step = every; step <= steps; step += every) {
            double loss = floor + 1.7 * Math.exp(-step / 140.0) + 0.04 * (random.nextDouble() - 0.5);
            points.add(new LossPoint(step, loss));
        }
        return new LossCurve(name, points);
    }
}
