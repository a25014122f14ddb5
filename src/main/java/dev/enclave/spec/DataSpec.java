package dev.enclave.spec;

import java.util.List;
import java.util.Objects;

/**
 * The input data and the rules a row must meet to be used.
 *
 * @param path input file: CSV with a header row, or JSON Lines (one object per line, keyed by the column names)
 * @param format input format (default: {@code jsonl} for a path ending in {@code .jsonl} or {@code .ndjson}, else
 *     {@code csv})
 * @param columns column roles
 * @param labels the label set; a row with another label is quarantined
 * @param maxTextChars a text longer than this is quarantined (default 100,000)
 * @param maxQuarantinedFraction the run fails when more of the input than this is quarantined (default 0.05)
 */
public record DataSpec(
        String path,
        InputFormat format,
        ColumnsSpec columns,
        List<String> labels,
        Integer maxTextChars,
        Double maxQuarantinedFraction) {

    /** Input file formats Enclave ingests. */
    public enum InputFormat { CSV, JSONL }

    public DataSpec {
        Checks.require(path, "path");
        format = Objects.requireNonNullElse(format, byExtension(path));
        Checks.require(columns, "columns");
        labels = labels == null ? List.of() : List.copyOf(labels);
        maxTextChars = Checks.positive(Objects.requireNonNullElse(maxTextChars, 100_000), "max_text_chars");
        maxQuarantinedFraction = Checks.fraction(Objects.requireNonNullElse(maxQuarantinedFraction, 0.05),
                "max_quarantined_fraction");
    }

    private static InputFormat byExtension(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? InputFormat.JSONL : InputFormat.CSV;
    }
}
