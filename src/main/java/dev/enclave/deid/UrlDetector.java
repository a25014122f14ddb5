package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web addresses: anything with a scheme (http, https, ftp) or starting with "www.", and bare host names on common
 * top-level domains (portal.example.org/path). Trailing sentence punctuation is not part of the address.
 */
public final class UrlDetector implements Detector {

    private static final Pattern WITH_SCHEME = Pattern.compile(
            "(?i)\\b(?:(?:https?|s?ftp)://|www\\.)[^\\s<>\"'`{}|\\\\^\\[\\]]+");
    private static final Pattern BARE_HOST = Pattern.compile("(?i)(?<![\\w@.\\-/])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+"
            + "(?:com|org|net|edu|gov|mil|io|us|uk|ca|info|biz|health|care|law|legal|app|dev|ai|co)"
            + "(?::\\d{1,5})?(?:/[^\\s<>\"'`]*)?(?![\\w@-]|\\.\\w)");

    @Override
    public String id() {
        return "url";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        List<PhiSpan> out = new ArrayList<>();
        for (Pattern p : new Pattern[] {WITH_SCHEME, BARE_HOST}) {
            Matcher m = p.matcher(text.text());
            while (m.find()) {
                int end = trimmedEnd(m.group()) + m.start();
                String host = m.group().split("/", 2)[0];
                boolean shortLabel = p == BARE_HOST && host.indexOf('.') < 2;
                if (end > m.start() && !shortLabel) {
                    out.add(text.span(m.start(), end, PhiType.URL, id(), p == WITH_SCHEME ? 0.99 : 0.85));
                }
            }
        }
        return out;
    }

    /** Length without trailing punctuation, keeping a ")" that closes a "(" inside the address. */
    private static int trimmedEnd(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (".,;:!?'\"".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && url.substring(0, end).chars().filter(ch -> ch == '(').count()
                    < url.substring(0, end).chars().filter(ch -> ch == ')').count()) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }
}
