package dev.enclave.privacy;

import dev.enclave.spec.CanarySpec;
import java.util.SplittableRandom;

/**
 * How a canary of one {@link CanarySpec.Shape} reads: a prefix phrase, then a secret of digits in a fixed layout
 * ({@code #} for a digit, anything else kept as written). Every digit string of the layout is a possible secret, so
 * the candidate space holds 10^digits secrets.
 *
 * @param shape the spec's name for it
 * @param prefix the words before the secret
 * @param layout the secret's layout, e.g. {@code ###-##-####}
 */
public record SecretShape(CanarySpec.Shape shape, String prefix, String layout) {

    /** The layout of a shape. */
    public static SecretShape of(CanarySpec.Shape shape) {
        return switch (shape) {
            case MRN -> new SecretShape(shape, "medical record number", "#######");
            case SSN -> new SecretShape(shape, "social security number", "###-##-####");
            case PHONE -> new SecretShape(shape, "phone number", "###-###-####");
            case ACCOUNT -> new SecretShape(shape, "account number", "##########");
        };
    }

    /** Number of digits in a secret. */
    public int digits() {
        return (int) layout.chars().filter(c -> c == '#').count();
    }

    /** log2 of the number of possible secrets: the largest exposure a canary of this shape can have. */
    public double maxExposureBits() {
        return digits() * Math.log(10) / Math.log(2);
    }

    /** A uniformly random secret in this layout. */
    public String randomSecret(SplittableRandom random) {
        StringBuilder secret = new StringBuilder(layout.length());
        for (int i = 0; i < layout.length(); i++) {
            char c = layout.charAt(i);
            secret.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return secret.toString();
    }

    /** The text a secret appears in: prefix, a space, the secret. */
    public String text(String secret) {
        return prefix + " " + secret;
    }
}
