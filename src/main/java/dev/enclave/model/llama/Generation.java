package dev.enclave.model.llama;

/**
 * The tokens a causal LM added to a prompt.
 *
 * @param promptIds the prompt's token ids
 * @param newIds the generated token ids, the end-of-sequence token included when one was produced
 * @param stop why generation ended
 */
public record Generation(long[] promptIds, long[] newIds, Stop stop) {

    /** Why generation ended. */
    public enum Stop {
        /** An end-of-sequence token (config.json eos_token_id) was produced. */
        END_OF_SEQUENCE,
        /** The maximum number of new tokens was reached. */
        MAX_NEW_TOKENS
    }
}
