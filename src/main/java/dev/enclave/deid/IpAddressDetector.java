package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 addresses (each octet 0 to 255, optional port) and IPv6 addresses in full or compressed form. */
public final class IpAddressDetector implements Detector {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern V4 = Pattern.compile(
            "(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?::\\d{1,5})?(?:/\\d{1,2})?(?![\\w]|\\.\\d)");
    private static final Pattern V6_CANDIDATE = Pattern.compile(
            "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\\w+)?(?![\\w:])");

    @Override
    public String id() {
        return "ip";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        List<PhiSpan> out = new ArrayList<>();
        Matcher m = V4.matcher(text.text());
        while (m.find()) {
            out.add(text.span(m.start(), m.end(), PhiType.IP, id(), 0.9));
        }
        m = V6_CANDIDATE.matcher(text.text());
        while (m.find()) {
            if (isIpv6(m.group().replaceAll("%\\w+$", ""))) {
                out.add(text.span(m.start(), m.end(), PhiType.IP, id(), 0.9));
            }
        }
        return out;
    }

    static boolean isIpv6(String s) {
        int compress = s.indexOf("::");
        if (compress >= 0 && s.indexOf("::", compress + 1) >= 0) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int nonEmpty = 0;
        for (String g : groups) {
            if (g.length() > 4) {
                return false;
            }
            if (!g.isEmpty()) {
                nonEmpty++;
            }
        }
        if (compress < 0) {
            return groups.length == 8 && nonEmpty == 8;
        }
        return nonEmpty < 8 && (nonEmpty >= 1 || s.equals("::"));
    }
}
