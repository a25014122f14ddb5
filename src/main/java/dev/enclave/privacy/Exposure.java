package dev.enclave.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Measures canary exposure ({@link CanaryExposure}). The candidates of a canary depend only on the seed and the
 * canary, so the base and tuned models are measured on the same candidates.
 */
public final class Exposure {
    private static final long STREAM = 0x6578706f73757265L;

    private Exposure() {}

    /**
     * The exposure of every canary.
     *
     * @param canaries the canaries
     * @param scorers the model's scorer for a canary's texts (for a classifier it scores the canary's label)
     * @param candidates candidate secrets sampled per canary
     * @param seed the spec's seed
     */
    public static List<CanaryExposure> measure(CanarySet canaries, Function<Canary, CandidateScorer> scorers,
            int candidates, long seed) {
        List<CanaryExposure> out = new ArrayList<>(canaries.canaries().size());
        for (int i = 0; i < canaries.canaries().size(); i++) {
            Canary canary = canaries.canaries().get(i);
            out.add(measure(canary, scorers.apply(canary), candidates, seed + 1_000_003L * (i + 1)));
        }
        return out;
    }

    /** The exposure of one canary against {@code candidates} secrets of its shape drawn with {@code seed}. */
    public static CanaryExposure measure(Canary canary, CandidateScorer scorer, int candidates, long seed) {
        if (candidates < 2) {
            throw new IllegalArgumentException("candidates must be at least 2, got " + candidates);
        }
        SplittableRandom random = new SplittableRandom(seed ^ STREAM);
        List<String> texts = new ArrayList<>(candidates + 1);
        texts.add(canary.text());
        while (texts.size() <= candidates) {
            String secret = canary.shape().randomSecret(random);
            if (!secret.equals(canary.secret())) {
                texts.add(canary.shape().text(secret));
            }
        }
        double[] scores = scorer.scores(texts);
        if (scores.length != texts.size()) {
            throw new IllegalStateException("scorer returned " + scores.length + " scores for " + texts.size()
                    + " texts");
        }
        double secret = scores[0];
        double[] others = java.util.Arrays.copyOfRange(scores, 1, scores.length);
        return of(canary, secret, others);
    }

    /** The exposure of a canary from its score and its candidates' scores. */
    public static CanaryExposure of(Canary canary, double secretScore, double[] candidateScores) {
        double max = canary.shape().maxExposureBits();
        double above = candidatesAbove(secretScore, candidateScores);
        double rank = clip(rankExposure(above, candidateScores.length), max);
        double mean = mean(candidateScores);
        double sd = standardDeviation(candidateScores, mean);
        double fit = clip(fitExposure(secretScore, mean, sd, max), max);
        double exposure = above > 0 ? rank : Math.max(rank, fit);
        return new CanaryExposure(canary.id(), canary.shape().shape().name().toLowerCase(Locale.ROOT),
                candidateScores.length, above, rank, fit, exposure, max, secretScore, mean, sd);
    }

    /** Candidates scoring above the secret, ties counted half. */
    public static double candidatesAbove(double secretScore, double[] candidateScores) {
        double above = 0;
        for (double score : candidateScores) {
            above += score > secretScore ? 1 : score == secretScore ? 0.5 : 0;
        }
        return above;
    }

    /**
     * The rank estimate of exposure: the secret's rank among all secrets is estimated as |R| · (above + 1) /
     * (candidates + 1), so exposure = −log2((above + 1) / (candidates + 1)).
     */
    public static double rankExposure(double candidatesAbove, int candidates) {
        return -Math.log((candidatesAbove + 1) / (candidates + 1.0)) / Math.log(2);
    }

    /**
     * The fit estimate: {@code −log2 P(X ≥ secretScore)} for X normal with the candidates' mean and standard deviation.
     * With no spread, a secret above every candidate gets {@code max}, one at or below them 0.
     */
    public static double fitExposure(double secretScore, double mean, double standardDeviation, double max) {
        if (!(standardDeviation > 0)) {
            return secretScore > mean ? max : 0;
        }
        return -NormalTail.log2UpperTail((secretScore - mean) / standardDeviation);
    }

    private static double clip(double bits, double max) {
        return Math.max(0, Math.min(max, bits));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values, double mean) {
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
