package dev.enclave.privacy;

/**
 * The exposure of one canary in one model (Carlini et al. 2019, "The Secret Sharer"): exposure = log2|R| − log2
 * rank(secret), where R holds every secret of the canary's shape and the rank is among R ordered by the model's
 * score. The rank is estimated from sampled candidates, which cannot resolve an exposure above about log2(samples);
 * the fit estimate extends beyond that by fitting a normal distribution to the candidates' scores and reading off
 * the probability of a score at least the secret's (Carlini §4.3).
 *
 * @param canary the canary's id
 * @param shape the canary's shape
 * @param candidates sampled candidate secrets scored
 * @param candidatesAbove candidates that scored above the secret, ties counted half
 * @param rankExposure {@code −log2((candidatesAbove + 1) / (candidates + 1))}, at most log2(candidates + 1)
 * @param fitExposure {@code −log2 P(score ≥ secret's)} under the normal fit of the candidates' scores
 * @param exposure the figure the gate checks: the rank estimate where the candidates resolve it (some candidate
 *     scored at least as high as the secret), else the larger of the two; both clipped to {@code [0, maxExposure]}
 * @param maxExposure log2|R|, the exposure of a secret the model ranks first among every possible one
 * @param secretScore the model's score of the canary text
 * @param candidateMean mean score of the candidates
 * @param candidateStdDev standard deviation of the candidates' scores
 */
public record CanaryExposure(
        String canary,
        String shape,
        int candidates,
        double candidatesAbove,
        double rankExposure,
        double fitExposure,
        double exposure,
        double maxExposure,
        double secretScore,
        double candidateMean,
        double candidateStdDev) {}
