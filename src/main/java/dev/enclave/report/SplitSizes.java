package dev.enclave.report;

/**
 * Sizes of the train, validation and test splits in rows and in groups (the unit kept whole within one split,
 * e.g. a patient or a case).
 *
 * @param trainRows        training rows
 * @param validationRows   validation rows
 * @param testRows         test rows
 * @param trainGroups      groups in the training split
 * @param validationGroups groups in the validation split
 * @param testGroups       groups in the test split
 */
public record SplitSizes(long trainRows, long validationRows, long testRows, long trainGroups,
        long validationGroups, long testGroups) {
}
