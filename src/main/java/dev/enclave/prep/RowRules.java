package dev.enclave.prep;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-row rules from the spec: required id, group and text, the label set, the field size limit. Checked in this
 * order; the first broken rule is the row's reason.
 */
final class RowRules implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> labels;
    private final boolean labelRequired;
    private final int maxFieldChars;

    RowRules(List<String> labels, boolean labelRequired, int maxFieldChars) {
        this.labels = new TreeSet<>(labels);
        this.labelRequired = labelRequired;
        this.maxFieldChars = maxFieldChars;
    }

    /** The first broken rule, with a message naming the field, or null when the row passes. */
    CsvRowParser.Parsed check(String id, String group, String text, String label) {
        if (isBlank(id)) {
            return CsvRowParser.Parsed.rejected(QuarantineReason.MISSING_ID, "id is empty");
        }
        if (isBlank(group)) {
            return CsvRowParser.Parsed.rejected(QuarantineReason.MISSING_GROUP, "group is empty");
        }
        if (isBlank(text)) {
            return CsvRowParser.Parsed.rejected(QuarantineReason.EMPTY_TEXT, "text is empty or whitespace");
        }
        for (var field : List.of(new String[] {"id", id}, new String[] {"group", group}, new String[] {"text", text})) {
            if (field[1].length() > maxFieldChars) {
                return CsvRowParser.Parsed.rejected(QuarantineReason.FIELD_TOO_LONG,
                        field[0] + " has " + field[1].length() + " characters, over the limit of " + maxFieldChars);
            }
        }
        if (labelRequired && isBlank(label)) {
            return CsvRowParser.Parsed.rejected(QuarantineReason.MISSING_LABEL, "label is empty");
        }
        if (labelRequired && !labels.isEmpty() && !labels.contains(label)) {
            return CsvRowParser.Parsed.rejected(QuarantineReason.UNKNOWN_LABEL,
                    "label is not one of the spec's " + labels.size() + " labels");
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
