package dev.enclave.spec;

import java.util.Objects;

/**
 * Duplicate removal, on the de-identified text. Exact duplicates are identical texts. Near duplicates are found with
 * MinHash LSH (Spark ML's {@code MinHashLSH}) over word shingles: {@code tables} bands of {@code hashesPerTable} MinHash
 * values each; two texts become candidates when all values of one band agree, and are near duplicates when the Jaccard
 * similarity of their shingle sets, computed exactly, is at least {@code nearDuplicateJaccard}. Of each cluster of
 * duplicates the row with the smallest id stays.
 *
 * @param exact remove exact duplicates (default true)
 * @param near remove near duplicates (default true)
 * @param nearDuplicateJaccard the Jaccard similarity at which two texts count as near duplicates (default 0.9)
 * @param shingleWords words per shingle (default 3); a text with fewer words is one shingle
 * @param tables LSH bands (default 16)
 * @param hashesPerTable MinHash values per band (default 8); more make a band stricter and the search cheaper. With the
 *     defaults a pair at Jaccard 0.9 is found with probability 0.9999, at 0.8 with 0.95, at 0.5 with 0.06
 */
public record DedupSpec(
        Boolean exact,
        Boolean near,
        Double nearDuplicateJaccard,
        Integer shingleWords,
        Integer tables,
        Integer hashesPerTable) {

    public DedupSpec {
        exact = Objects.requireNonNullElse(exact, true);
        near = Objects.requireNonNullElse(near, true);
        nearDuplicateJaccard = Objects.requireNonNullElse(nearDuplicateJaccard, 0.9);
        if (!(nearDuplicateJaccard > 0 && nearDuplicateJaccard <= 1)) {
            throw Checks.invalid("near_duplicate_jaccard", "must be above 0 and at most 1 (got "
                    + nearDuplicateJaccard + ")");
        }
        shingleWords = Checks.positive(Objects.requireNonNullElse(shingleWords, 3), "shingle_words");
        tables = Checks.positive(Objects.requireNonNullElse(tables, 16), "tables");
        hashesPerTable = Checks.positive(Objects.requireNonNullElse(hashesPerTable, 8), "hashes_per_table");
        if (tables * hashesPerTable > 1024) {
            throw Checks.invalid("tables", "times hashes_per_table must be at most 1024 (got "
                    + tables * hashesPerTable + ")");
        }
    }

    static DedupSpec defaults() {
        return new DedupSpec(null, null, null, null, null, null);
    }
}
