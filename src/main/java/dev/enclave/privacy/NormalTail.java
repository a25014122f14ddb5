package dev.enclave.privacy;

/**
 * The upper tail of the normal distribution in log space, accurate far into the tail where the probability itself
 * underflows: the complementary error function of Numerical Recipes ({@code erfcc}, fractional error below 1.2e-7
 * everywhere), kept as a logarithm.
 */
final class NormalTail {
    private static final double LN2 = Math.log(2);

    private NormalTail() {}

    /** {@code log2 P(Z >= z)} for a standard normal Z. */
    static double log2UpperTail(double z) {
        return (Math.log(0.5) + logErfc(z / Math.sqrt(2))) / LN2;
    }

    /** Natural log of {@code erfc(x)}. */
    static double logErfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double exponent = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double logUpper = Math.log(t) + exponent;
        return x >= 0 ? logUpper : Math.log(2 - Math.exp(logUpper));
    }
}
