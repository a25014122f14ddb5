package dev.enclave.model;

/**
 * One text as model input, without padding. The arrays are owned by this value; do not modify them.
 *
 * @param inputIds token ids, with the tokenizer's special tokens
 * @param attentionMask 1 for every token
 * @param tokenTypeIds segment ids, 0 for a single text
 * @param truncated whether tokens were cut off to respect the maximum length
 */
public record EncodedText(long[] inputIds, long[] attentionMask, long[] tokenTypeIds, boolean truncated) {

    /** Checks that the arrays have one length. */
    public EncodedText {
        if (attentionMask.length != inputIds.length || tokenTypeIds.length != inputIds.length) {
            throw new IllegalArgumentException("ids, mask and type ids differ in length: " + inputIds.length + ", "
                    + attentionMask.length + ", " + tokenTypeIds.length);
        }
    }

    /**
     * Returns the number of tokens.
     *
     * @return the sequence length
     */
    public int length() {
        return inputIds.length;
    }
}
