package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Record, plan, account, licence, device, vehicle and other identifiers announced by a cue word: "MRN: 0048213",
 * "medical record # A-55102", "member ID XJH448812", "policy no. 77-1020", "acct 99120", "DEA AB1234563", "NPI
 * 1234567893", "S/N 4410-22", "plate 7ABC123", "VIN ...", "Case No. 2:24-cv-01234", "docket 24-1187". The span is
 * the identifier that follows the cue (and its separators: ":", "#", "no.", "number", "is").
 */
public final class IdentifierCueDetector implements Detector {

    private record Cue(PhiType type, StartFilteredPattern filtered) implements java.io.Serializable {
        Pattern pattern() {
            return filtered.pattern();
        }
    }

    private static final String NUM = "(?:\\s*(?:number|num|no\\.?|nbr|#|id|identifier|code))?";
    private static final List<Cue> CUES = List.of(
            cue(PhiType.VEHICLE, "(?i)\\b(?:vin|vehicle\\s+identification" + NUM + "|(?:licen[cs]e\\s+)?plate" + NUM
                    + "|tag\\s+(?:number|no\\.?|#)|vehicle\\s+(?:id|registration|reg\\.?)" + NUM
                    + "|registration\\s+(?:number|no\\.?|#))"),
            cue(PhiType.MRN, "(?i)\\b(?:mrn|mr\\s*#|mr\\s+no\\.?|mr\\s+number|m\\.r\\.n\\.?|med(?:ical)?\\.?\\s*rec(?:ord)?s?\\.?"
                    + NUM + "|(?:hospital|unit|chart|record)\\s+(?:number|no\\.?|#)|patient\\s+(?:id|identifier|number|no\\.?|#)"
                    + "|pt\\.?\\s+(?:id|#)|emr\\s*(?:#|id|number)|ehr\\s*(?:#|id|number)|umrn|empi)"),
            cue(PhiType.HEALTH_PLAN, "(?i)\\b(?:member" + NUM + "|subscriber" + NUM + "|policy" + NUM + "|group" + "(?:\\s*(?:number|no\\.?|#|id))"
                    + "|insurance\\s*(?:id|#|number|no\\.?|policy)" + NUM + "|plan\\s*(?:id|#|number|no\\.?)|beneficiary" + NUM
                    + "|medicare" + NUM + "|medicaid" + NUM + "|hicn|mbi|health\\s+plan" + NUM + "|bcbs" + NUM + "|insured\\s+id)"),
            cue(PhiType.ACCOUNT, "(?i)\\b(?:(?:card|account|acct)\\s+(?:number\\s+)?ending\\s+(?:in|with)|account" + NUM
                    + "|acct\\.?" + NUM + "|acc\\s*#|a/c" + NUM + "|billing" + NUM + "|claim" + NUM + "|encounter\\s*(?:number|no\\.?|#|id)|visit\\s*(?:number|no\\.?|#|id)"
                    + "|routing" + NUM + "|(?:(?:credit|debit|payment|bank|atm)\\s+)card" + NUM
                    + "|card\\s*(?:number|no\\.?|#)"
                    + "|iban|fin\\s*(?:#|number|no\\.?)"
                    + "|financial\\s+(?:number|no\\.?|#)|csn|har)"),
            cue(PhiType.LICENSE, "(?i)\\b(?:(?:driver'?s\\s+)?licen[cs]e" + NUM + "|lic\\.?\\s*(?:#|no\\.?|number)|dl\\s*(?:#|no\\.?|number)|(?-i:DL)"
                    + "|dea" + NUM + "|npi" + NUM + "|certificate" + NUM + "|cert\\.?\\s*(?:#|no\\.?|number)"
                    + "|(?:state\\s+)?bar\\s+(?:number|no\\.?|#|id)|bbo" + NUM + "|passport" + NUM + "|upin|tin|ein)"),
            cue(PhiType.DEVICE, "(?i)(?:\\bserial" + NUM + "|\\bs/n|\\bsn\\s*[:#]|(?-i:\\bSN)\\b|\\bdevice\\s*(?:id|#|number|serial|no\\.?)"
                    + "|\\budi|\\bimei|\\bmac\\s+address|\\blot" + NUM + "|\\b(?:pacemaker|defibrillator|icd|implant|pump"
                    + "|stimulator|generator|monitor|transmitter|sensor|receiver|hearing\\s+aid|cochlear\\s+implant"
                    + "|prosthesis|wheelchair|ventilator|cpap|bipap|concentrator|recorder|telemetry\\s+(?:box|pack|unit)"
                    + "|holter)(?:\\s+(?:serial|id|#|sn|s/n|number|no\\.?))?)"),
            cue(PhiType.BIOMETRIC, "(?i)\\b(?:retina(?:l)?|iris|face|facial|finger\\s*print|fingerprint|thumb\\s*print"
                    + "|thumbprint|voice\\s*print|voiceprint|palm\\s*(?:print|vein)|vein\\s+pattern|biometric|gait|dna)"
                    + "(?:\\s+(?:scan|template|recognition|print|pattern|profile|sample|signature|match))?"
                    + "(?:\\s+(?:id|identifier|template|hash|record|scan|signature|profile|number|no\\.?|#|code))+"),
            cue(PhiType.OTHER_ID, "(?i)\\b(?:case" + NUM + "|docket" + NUM + "|civil\\s+action" + NUM + "|cause" + NUM
                    + "|index\\s+(?:number|no\\.?|#)|file\\s*(?:number|no\\.?|#)|matter\\s*(?:number|no\\.?|#|id)"
                    + "|reference\\s*(?:number|no\\.?|#)|ref\\.?\\s*(?:#|no\\.?|number)|badge" + NUM
                    + "|employee\\s*(?:id|#|number|no\\.?)|student\\s*(?:id|#|number)|id\\s*(?:#|number|no\\.?)"
                    + "|identification\\s*(?:number|no\\.?|#)|tracking\\s*(?:number|no\\.?|#)"
                    + "|confirmation\\s*(?:number|no\\.?|#)|requisition\\s*(?:number|no\\.?|#)"
                    + "|accession\\s*(?:number|no\\.?|#)|specimen\\s*(?:id|#|number)|(?:study|subject|participant)\\s+id"
                    + "|inmate\\s*(?:id|#|number)|booking\\s*(?:number|no\\.?|#)|petition" + NUM + "|appeal" + NUM
                    + "|complaint" + NUM + "|incident" + NUM + "|report\\s*(?:number|no\\.?|#)"
                    + "|a-?number|a-?file|alien\\s+(?:registration\\s+)?(?:number|no\\.?|#)|uscis\\s+(?:number|no\\.?|#)"
                    + "|receipt\\s*(?:number|no\\.?|#)|i-?94\\s*(?:number|no\\.?|#)?|sevis\\s*(?:id|#|number)?"
                    + "|voter\\s*(?:id|#|number)|permit\\s*(?:number|no\\.?|#)|warrant\\s*(?:number|no\\.?|#)"
                    + "|citation\\s*(?:number|no\\.?|#)|ticket\\s*(?:number|no\\.?|#)|member\\s+of\\s+record)"),
            cue(PhiType.OTHER_ID, "\\bNo\\.\\s*"));

    private static final Pattern SEPARATOR = Pattern.compile(
            "(?i)[\\s:#=.(\\-]*(?:(?:number|num|no\\.?|nbr|id|is|was|of|on\\s+file)\\b[\\s:#=.(]*)*");
    private static final Pattern ID = Pattern.compile("(?:[A-Z]{1,6}[ \\t](?=\\d{3}))?"
            + "(?=[A-Za-z0-9\\-/.:]*\\d)[A-Za-z0-9](?:[A-Za-z0-9]|[\\-/.:](?=[A-Za-z0-9]))*(?:\\s\\d{2,}(?![\\w-])){0,3}"
            + "|[A-Z]{2,6}(?:-[A-Z]{2,8}){1,4}(?![\\w-])|[A-Z]{8,}(?![\\w-])");
    private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{1,4}[\\s-][A-Z0-9]{1,4}(?![\\w-])|[A-Z0-9]{2,8}(?![\\w-])");
    private static final Pattern RATIO = Pattern.compile("\\d{1,3}/\\d{1,3}|\\d{1,3}(?:\\.\\d+)?");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "(?:0?[1-9]|1[0-2]|[12]\\d|3[01])[/.-](?:0?[1-9]|1[0-2]|[12]\\d|3[01])[/.-](?:\\d{2}|(?:19|20)\\d\\d)"
                    + "|(?:19|20)\\d\\d[/.-](?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\\d|3[01])");

    private static Cue cue(PhiType type, String regex) {
        return new Cue(type, StartFilteredPattern.compile(regex + "(?![\\p{L}])"));
    }

    @Override
    public String id() {
        return "id-cue";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        String s = text.text();
        List<PhiSpan> out = new ArrayList<>();
        for (Cue cue : CUES) {
            StartFilteredPattern.Finder found = cue.filtered().finder(s);
            while (found.find()) {
                int from = found.matcher().end();
                Matcher sep = SEPARATOR.matcher(s).region(from, s.length());
                if (sep.lookingAt()) {
                    from = sep.end();
                }
                if (from < s.length() && s.charAt(from) == '#') {
                    from++;
                }
                Matcher id = (cue.type() == PhiType.VEHICLE ? PLATE : ID).matcher(s).region(from, s.length());
                if (!id.lookingAt() || !acceptable(cue, id.group())) {
                    continue;
                }
                double confidence = cue.pattern().pattern().startsWith("\\bNo") ? 0.7 : 0.95;
                out.add(text.span(id.start(), id.end(), cue.type(), id(), confidence));
            }
        }
        return out;
    }

    /** An identifier without digits: upper-case letter groups ("EVME-DSUK-USLF") or a long non-word run. */
    private static boolean lettersOnlyCode(String id) {
        String letters = id.replace("-", "");
        if (!letters.matches("[A-Z]{8,}") || !id.matches("[A-Z]+(?:-[A-Z]+)*")) {
            return false;
        }
        Lexicon lex = Lexicon.standard();
        String lower = letters.toLowerCase(java.util.Locale.ROOT);
        return id.contains("-") || !(lex.isCommonWord(lower) || lex.isFirstName(lower) || lex.isSurname(lower)
                || lex.isNotName(lower));
    }

    private static boolean acceptable(Cue cue, String id) {
        int digits = (int) id.chars().filter(Character::isDigit).count();
        if (cue.type() == PhiType.VEHICLE) {
            return id.length() >= 4;
        }
        if (digits == 0) {
            return lettersOnlyCode(id);
        }
        boolean shortNumberOk = cue.pattern().pattern().contains("badge") && id.matches("\\d{3,}");
        if (DATE_LIKE.matcher(id).matches() || (RATIO.matcher(id).matches() && !shortNumberOk) || id.length() < 3
                || (digits < 2 && id.length() < 6)) {
            return false;
        }
        if (cue.pattern().pattern().startsWith("\\bNo")) {
            return id.length() >= 4 && (id.matches(".*[-:/].*") || id.matches(".*[A-Za-z].*") || digits >= 5);
        }
        return true;
    }
}
