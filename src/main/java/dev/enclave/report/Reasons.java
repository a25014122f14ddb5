package dev.enclave.report;

import java.util.Comparator;
import java.util.Map;

/** Renders counts by reason or kind in a fixed order: largest first, then by name. */
final class Reasons {

    private Reasons() {
    }

    static final Comparator<Map.Entry<String, Long>> LARGEST_FIRST =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    /** {@code <li>} items "tag reason count" for the non-zero counts, tag and counts escaped. */
    static String items(Map<String, Long> counts, String tag, String tagClass) {
        StringBuilder out = new StringBuilder();
        counts.entrySet().stream().filter(entry -> entry.getValue() != 0).sorted(LARGEST_FIRST)
                .forEach(entry -> out.append("<li><span class=\"tag ").append(tagClass).append("\">")
                        .append(Html.escape(tag)).append("</span> ").append(Html.escape(entry.getKey()))
                        .append(" <span class=\"count\">").append(Fmt.count(entry.getValue())).append("</span></li>"));
        return out.toString();
    }
}
