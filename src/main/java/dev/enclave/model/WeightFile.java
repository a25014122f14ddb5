package dev.enclave.model;

/**
 * A weight file of a model folder, fingerprinted for provenance.
 *
 * @param fileName the file name inside the folder
 * @param sizeBytes the file size
 * @param sha256 the SHA-256 of the file bytes, lower-case hex
 */
public record WeightFile(String fileName, long sizeBytes, String sha256) {}
