package dev.enclave.privacy;

/**
 * One canary: a made-up secret in the shape of an identifier, inserted into the train split to measure memorisation.
 *
 * @param id stable name, {@code canary-1}, {@code canary-2}, …; no secret in it
 * @param shape how the canary reads
 * @param secret the secret, in the shape's layout
 * @param label for classification runs the label index the canary text is trained with; -1 otherwise
 */
public record Canary(String id, SecretShape shape, String secret, int label) {

    /** The text inserted into training: the shape's prefix and the secret. */
    public String text() {
        return shape.text(secret);
    }
}
