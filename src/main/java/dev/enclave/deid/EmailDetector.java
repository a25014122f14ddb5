package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses, including "mailto:" links. */
public final class EmailDetector implements Detector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+%-])(?:mailto:)?[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}(?![\\w-]|\\.\\w)");

    @Override
    public String id() {
        return "email";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        List<PhiSpan> out = new ArrayList<>();
        Matcher m = EMAIL.matcher(text.text());
        while (m.find()) {
            out.add(text.span(m.start(), m.end(), PhiType.EMAIL, id(), 0.99));
        }
        return out;
    }
}
