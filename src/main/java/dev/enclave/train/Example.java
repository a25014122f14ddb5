package dev.enclave.train;

/**
 * One tokenised training or evaluation example.
 *
 * @param id the record id
 * @param inputIds token ids, special tokens included, truncated
 * @param label label index, or -1 when unlabelled
 */
public record Example(String id, int[] inputIds, int label) {}
