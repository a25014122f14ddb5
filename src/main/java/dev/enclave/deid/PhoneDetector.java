package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone, pager and fax numbers: North American forms ((617) 555-0134, 617.555.0134, +1 617 555 0134, with
 * extensions), international numbers written with a leading +, and seven-digit or pager numbers after a cue word.
 * A number is a {@link PhiType#FAX} when the nearest cue before it on its line is "fax"/"facsimile"/"F:" or "(fax)"
 * follows it.
 */
public final class PhoneDetector implements Detector {

    private static final Pattern NANP = Pattern.compile("(?<![\\w+\\-/.])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])"
            + "\\d{3}[\\s.-]\\d{4}(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,5})?(?![\\w\\-/]|\\.\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?<![\\w+])\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,5}\\)?){2,5}(?![\\w-])");
    private static final Pattern CUED_LOCAL = Pattern.compile("(?i)(?:\\b(?:phone|ph|tel|telephone|cell|cellphone|mobile"
            + "|home|work|pager|beeper|pgr|call(?:ed)?(?:\\s+(?:at|on))?|contact|fax|facsimile|at|reach|number|no)\\b\\.?"
            + "|\\b[pcfhwmt]\\s*:)\\s*(?:#|no\\.?|number)?\\s*[:=]?\\s*(\\d{3}[\\s.-]\\d{4}(?:\\s*(?:x|ext\\.?)\\s*\\d{1,5})?)"
            + "(?![\\w-])");
    private static final Pattern PAGER = Pattern.compile("(?i)\\b(?:pager|beeper|pgr|paged?(?:\\s+(?:at|to))?|ext\\.?"
            + "|extension|x-)\\s*(?:#|no\\.?|number)?\\s*[:=]?\\s*#?(\\d{4,6})(?![\\w-])");
    private static final Pattern CUE_WORD = Pattern.compile("(?i)\\b(fax|facsimile|f|phone|ph|tel|telephone|cell|mobile"
            + "|pager|beeper|pgr|home|work|p|t|c|h|w|m|o|office|call)\\b");
    private static final Pattern FAX_AFTER = Pattern.compile(
            "(?i)^\\s*(?:\\(\\s*fax\\s*\\)|\\[\\s*fax\\s*]|fax\\b(?!\\s*(?:[:#]|no\\b|number\\b)))");

    @Override
    public String id() {
        return "phone";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        String s = text.text();
        List<PhiSpan> out = new ArrayList<>();
        Matcher m = NANP.matcher(s);
        while (m.find()) {
            out.add(span(text, m.start(), m.end(), 0.9));
        }
        m = INTERNATIONAL.matcher(s);
        while (m.find()) {
            int digits = m.group().replaceAll("\\D", "").length();
            if (digits >= 8 && digits <= 15) {
                out.add(span(text, m.start(), m.end(), 0.85));
            }
        }
        for (Pattern cued : new Pattern[] {CUED_LOCAL, PAGER}) {
            m = cued.matcher(s);
            while (m.find()) {
                out.add(span(text, m.start(1), m.end(1), 0.8));
            }
        }
        return out;
    }

    private PhiSpan span(AnalyzedText text, int start, int end, double confidence) {
        return text.span(start, end, isFax(text.text(), start, end) ? PhiType.FAX : PhiType.PHONE, id(), confidence);
    }

    private static boolean isFax(String s, int start, int end) {
        int lineStart = s.lastIndexOf('\n', start - 1) + 1;
        String before = s.substring(Math.max(lineStart, start - 40), start);
        Matcher cue = CUE_WORD.matcher(before);
        String last = null;
        while (cue.find()) {
            last = cue.group(1).toLowerCase(Locale.ROOT);
        }
        if (last != null && (last.equals("fax") || last.equals("facsimile")
                || (last.equals("f") && before.matches("(?is).*\\bf\\s*[:.]\\s*\\S{0,3}\\s*$")))) {
            return true;
        }
        return FAX_AFTER.matcher(s.substring(end, Math.min(s.length(), end + 12))).find();
    }
}
