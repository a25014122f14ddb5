package dev.enclave.deid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of people. Evidence is combined from cues and dictionaries and weighed by capitalisation where the line
 * is not written in capitals:
 * <ul>
 *   <li>titles (Dr., Mr., Mrs., Ms., Miss, Prof., Judge...) and labels ("Patient:", "Attending:", "cc:", "signed
 *       by", "seen by", "Dear", "/s/") before a name; credentials after it (", MD", "RN", "Esq.");</li>
 *   <li>relations and verbs ("wife", "daughter", "spoke with", "per", "v.") before a name found in the dictionaries
 *       or written as an unknown capitalised word;</li>
 *   <li>"Last, First" and "First [M.] Last" sequences where the dictionaries vouch for at least one word that is not
 *       an ordinary English word;</li>
 *   <li>the line after a letter closing ("Sincerely,");</li>
 *   <li>every further occurrence of a word already found as a name in the same text.</li>
 * </ul>
 * Eponyms followed by "disease", "syndrome", "sign"... and dictionary names that are drugs, months or clinical
 * terms (Parkinson, Crohn, Bell's palsy, May, Will) are not names unless a title or label vouches for them.
 */
public final class NameDetector implements Detector {

    private static final Set<String> TITLES = Set.of("dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof",
            "professor", "rev", "reverend", "fr", "sister", "judge", "justice", "hon", "honorable", "atty", "officer",
            "det", "detective", "sgt", "sergeant", "capt", "captain", "lt", "lieutenant", "nurse", "rabbi", "pastor",
            "madam", "mister", "messrs", "deputy", "sheriff", "trooper", "chaplain", "dame", "sir", "lady", "imam",
            "attorney", "counsel", "witness", "ofc", "inspector", "investigator", "agent", "coach", "councilman",
            "councilwoman", "senator", "representative", "mayor", "governor", "commissioner", "magistrate");
    private static final Set<String> LOWER_CASE_TITLES = Set.of("dr", "mr", "mrs", "ms", "attorney", "counsel",
            "witness");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on",
            "at", "for", "with", "by", "is", "was", "are", "were", "has", "had", "his", "her", "their", "our", "my",
            "your", "this", "that", "these", "those", "who", "which", "office", "note", "notes", "orders", "order",
            "visit", "appointment", "team", "service", "on-call", "covering", "here", "today", "will", "he", "she",
            "it", "we", "they", "him", "i", "you", "me", "us", "them", "its", "per", "as", "if", "so", "no", "not",
            "but", "be", "am", "do", "did", "does");
    private static final Set<String> CALENDAR_WORDS = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "da", "del", "della", "di", "du", "la",
            "le", "der", "den", "ter", "bin", "ibn", "al", "el", "st", "dos", "das", "y");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");
    /** Words that begin the name of a place or facility ("St. Luke's", "Mount Sinai"), never a given name. */
    private static final Set<String> PLACE_PREFIXES = Set.of("st", "ste", "saint", "mt", "mount", "ft", "fort");
    private static final Set<String> EPONYM_NEXT = Set.of("disease", "syndrome", "sign", "signs", "test", "tests",
            "maneuver", "manoeuvre", "palsy", "fracture", "score", "scale", "criteria", "classification",
            "procedure", "operation", "repair", "catheter", "tube", "drain", "stain", "reflex", "phenomenon", "law",
            "node", "nodes", "cell", "cells", "body", "bodies", "ulcer", "tumor", "tumour", "lymphoma", "sarcoma",
            "cyst", "neuroma", "contracture", "esophagus", "diverticulum", "hernia", "triad", "block", "reaction",
            "effect", "equation", "formula", "method", "technique", "position", "incision", "line", "lines", "type",
            "grade", "stage", "index", "rule", "rules", "class", "variant", "anomaly", "deformity", "nerve", "duct",
            "gland", "canal", "membrane", "space", "angle", "ligament", "tendon", "joint", "valve", "dementia",
            "chorea", "encephalopathy", "aphasia", "area", "herpes", "virus", "bacillus", "agar", "solution",
            "dressing", "boot", "splint", "collar", "mask", "bag", "forceps", "retractor", "clamp", "needle",
            "shunt", "pouch", "loop", "anastomosis", "fundoplication", "hypothesis", "tumors", "injury", "lesion",
            "ratio", "curve", "distribution", "analysis", "units", "unit", "plot", "tear", "tears", "pill", "tablet");
    private static final StartFilteredPattern LABEL_CUE = StartFilteredPattern.compile("(?i)(?:\\b(?:patient|pt|client|member|subscriber|insured"
            + "|guarantor|name|patient\\s+name|full\\s+name|pt\\s+name|legal\\s+name|attending|attending\\s+physician"
            + "|resident|fellow|intern|pcp|primary\\s+care(?:\\s+(?:physician|provider|doctor))?|provider|physician"
            + "|surgeon|assistant|anesthesiologist|anesthesia|consultant|referring(?:\\s+(?:physician|provider"
            + "|doctor|md))?|ordering(?:\\s+(?:physician|provider))?|author|cosigner|nurse|rn|np|therapist"
            + "|social\\s+worker|case\\s+manager|interpreter|contact|emergency\\s+contact|next\\s+of\\s+kin|nok"
            + "|guardian|spouse|mother|father|caregiver|witness|plaintiffs?|defendants?|petitioner|respondent"
            + "|appellant|appellee|claimant|decedent|employee|from|to|cc|bcc|attn|attention|re|signed|signature|witnesses"
            + "|counsel|attorney|judge|by|dictated|transcribed|reviewed|physician\\s+name|clinician|requested\\s+by"
            + "|informant|historian|source|reporter|sender|recipient|parent|mom|dad|emergency\\s+contact\\s+name"
            + "|deponent|affiant|declarant|victim|complainant|suspect|owner|driver|passenger|tenant|landlord)"
            + "\\s*(?:\\([^)\\n]{0,20}\\))?\\s*[:=]\\s*(?:(?:dr|mr|mrs|ms|miss)\\.?\\s+)?"
            + "|\\b(?:signed|dictated|transcribed|reviewed|authored|cosigned|co-signed|seen|evaluated|examined"
            + "|interpreted|read|performed|prepared|reported|verified|approved|entered|written|attested"
            + "|electronically\\s+signed|seen\\s+and\\s+examined|accompanied|referred|brought\\s+in|witnessed"
            + "|assisted|supervised|staffed|covered|ordered|notarized|represented)\\s+by\\s*:?\\s*"
            + "|\\bdear\\s+|/s/\\s*|\\bin\\s+re:?\\s+|\\b(?:estate|matter|marriage|custody|guardianship|conservatorship"
            + "|deposition|testimony|declaration|affidavit|statement|interview|examination|cross-examination)\\s+of\\s+)");
    private static final StartFilteredPattern WEAK_CUE = StartFilteredPattern.compile("(?i)\\b(?:wife|husband|spouse|partner|son|daughter|mother"
            + "|father|mom|dad|sister|brother|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother"
            + "|grandfather|grandma|grandpa|cousin|friend|fianc[e\u00e9]e?|girlfriend|boyfriend|roommate|neighbou?r"
            + "|caregiver|guardian|landlord|employer|boss|coworker|co-worker|colleague|sponsor|child|stepson"
            + "|stepdaughter|named|spoke\\s+(?:with|to)|talked\\s+(?:with|to)|discussed\\s+(?:with)?|d/w|per"
            + "|paged|notified|informed|met\\s+with|contacted|messaged|e-?mailed|texted|thanked|called|call|page"
            + "|v\\.|vs\\.?|versus|client|patient|plaintiff|defendant|applicant|tenant|officer|agent|counsel"
            + "|manager|supervisor|foreman|owner|victim|deponent|adjuster|employee|driver|passenger|witness|neighbor"
            + "|roommate|housemate|ex-wife|ex-husband|ex|stepfather|stepmother|godmother|godfather|twin|baby"
            + "|and\\s+(?:dr|mr|mrs|ms)\\.)(?:\\b|(?<=\\.))\\s*,?\\s*(?:\\(|named\\s+|is\\s+|was\\s+)?");
    private static final StartFilteredPattern GENERIC_CUE = StartFilteredPattern.compile("(?i)\\b(?:cc|by|with|for|from|to|and)\\b\\s*:?\\s*");
    private static final Pattern CREDENTIAL = Pattern.compile("(?:,[ \\t]*|[ \\t]+|[ \\t]*\\([ \\t]*)(?:M\\.D\\.|MD|D\\.O\\.|R\\.N\\.|RN|N\\.P\\.|NP"
            + "|PA-C|CNM|CRNA|LPN|LCSW|LICSW|LMSW|MSW|Ph\\.D\\.|PhD|PharmD|Pharm\\.D\\.|DDS|DMD|DPM|DPT|OTR/L|OTR"
            + "|CCC-SLP|RDN|CNA|APRN|FNP-BC|FNP-C|FNP|ANP-BC|ANP|ACNP|AGNP|AGACNP|DNP|MPH|MBA|FACS|FACP|FACC|FAAP"
            + "|FACOG|Esq\\.?|ESQ\\.?|J\\.D\\.|JD|LMFT|LPC|BSN|MSN|EMT-P|EMT|PsyD|Psy\\.D\\.|CRNP|ARNP|MBBS|FRCP"
            + "|[Pp]aralegal|PARALEGAL|[Ll]egal [Aa]ssistant|[Nn]otary|[Ii]nvestigator|CNP|RN CM|LPC-S|CADC|CRC"
            + "|(?<=,[ \\t]{0,2})(?:[Pp]etitioners?|[Rr]espondents?|[Pp]laintiffs?|[Dd]efendants?|[Aa]ppellants?"
            + "|[Aa]ppellees?|[Cc]laimants?|[Dd]ebtors?|PETITIONERS?|RESPONDENTS?|PLAINTIFFS?|DEFENDANTS?)"
            + "|(PA|DO|MS|MA|PT|OT|DC|RD|SLP|CMA|LSW))(?![\\w-])");
    private static final Pattern CLOSING = Pattern.compile("(?im)^[ \\t>]*(?:sincerely(?:\\s+yours)?|regards|best\\s+regards"
            + "|kind\\s+regards|warm\\s+regards|warmest\\s+regards|respectfully(?:\\s+(?:submitted|yours))?|thanks"
            + "|thank\\s+you|many\\s+thanks|cordially|yours\\s+truly|very\\s+truly\\s+yours|best|cheers|all\\s+the\\s+best"
            + "|with\\s+appreciation|electronically\\s+signed|signed|signature|yours)\\s*[,:.!]?[ \\t]*\\r?\\n"
            + "(?:[ \\t>]*\\r?\\n)?[ \\t>]*");
    private static final Pattern BIRTH_DATE = Pattern.compile(
            "[ \\t]*(?:\\(|,|-|\\|)?[ \\t]*(?:DOB|D\\.O\\.B\\.|[Dd]ate of [Bb]irth|[Bb]orn|b\\.)[ \\t]*[:#]?[ \\t]*\\d");
    private static final Pattern AGE_STATEMENT = Pattern.compile("([A-Z][\\p{L}'\u2019-]+(?:[ \\t]+[A-Z][\\p{L}'\u2019-]+)?)"
            + "[ \\t]+(?:is|IS|was|WAS)[ \\t]+(?:an?|AN?)[ \\t]+\\d{1,3}[ \\t-]*(?:y/?o|yo|y\\.o\\.|year|yr|YEAR|YR|Y/?O|YO)");
    private static final Pattern ENGLISH_SUFFIX = Pattern.compile(
            "(?:ed|ing|ial|al|ive|ous|ic|tion|sion|ate|ity|ment|ness|ism|ist|ary|ory|able|ible|ize|ise|ly|s)$");
    private static final Set<String> EPONYM_HEADS = Set.of("circle", "loop", "islets", "islet", "ampulla", "sphincter",
            "ligament", "pouch", "canal", "bundle", "tetralogy", "organ", "node", "space", "triangle", "duct",
            "foramen", "crypts", "glands", "plexus", "sign", "law", "line", "angle", "tubercle", "ganglion", "nucleus",
            "fissure", "sulcus", "valve", "membrane", "capsule", "artery", "vein");
    private static final Set<String> RECORD_LABELS = Set.of("mrn", "dob", "ssn", "age", "sex", "acct", "fin", "id",
            "room", "rm", "bed", "unit", "pcp", "csn", "har", "adm", "dc", "los");
    private static final Pattern CONTRACTION = Pattern.compile(".*['\u2019](?:ve|t|s|d|ll|re|m)");
    private static final Set<String> CREDENTIAL_WORDS = Set.of("md", "do", "rn", "np", "pa", "phd", "jd", "esq",
            "esquire", "lpn", "cna", "lcsw", "msw", "dds", "dmd", "pharmd", "dpt", "aprn", "fnp", "dnp", "mph", "mba",
            "facs", "facp", "facc", "crna", "cnm", "psyd", "mbbs", "paralegal", "cma", "rd", "ot", "slp");
    private static final Pattern VERSUS = Pattern.compile("\\s+(?:v\\.|vs\\.?|versus|V\\.|VS\\.?)\\s+");

    private enum Evidence { TITLE, LABEL, WEAK, GENERIC }

    @Override
    public String id() {
        return "name";
    }

    /** Whether the token is a personal title such as Dr or Mrs. */
    static boolean isTitle(Token t) {
        String lower = t.lower();
        return TITLES.contains(lower) && (t.isCapitalized() || LOWER_CASE_TITLES.contains(lower));
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        Lexicon lex = Lexicon.standard();
        List<int[]> ranges = new ArrayList<>();
        List<Double> confidences = new ArrayList<>();
        Finder f = new Finder(text, lex, ranges, confidences);
        f.titles();
        f.cues();
        f.credentials();
        f.closings();
        f.versus();
        f.lastFirst();
        f.sequences();
        f.lowerCasePairs();
        f.ageStatements();
        f.birthDates();
        f.propagate();
        List<PhiSpan> out = new ArrayList<>();
        for (int k = 0; k < ranges.size(); k++) {
            int[] r = ranges.get(k);
            out.add(text.span(text.token(r[0]).start(), text.token(r[1]).end(), PhiType.NAME, id(), confidences.get(k)));
        }
        return out;
    }

    /** The per-text search state. */
    private static final class Finder {
        private final AnalyzedText text;
        private final Lexicon lex;
        private final List<Token> tokens;
        private final List<int[]> ranges;
        private final List<Double> confidences;
        private final boolean[] named;

        Finder(AnalyzedText text, Lexicon lex, List<int[]> ranges, List<Double> confidences) {
            this.text = text;
            this.lex = lex;
            this.tokens = text.tokens();
            this.ranges = ranges;
            this.confidences = confidences;
            this.named = new boolean[tokens.size()];
        }

        void titles() {
            for (Token t : tokens) {
                if (!isTitle(t)) {
                    continue;
                }
                int next = t.index() + 1;
                Token dot = text.token(next);
                if (dot != null && dot.is('.')) {
                    next++;
                }
                Token first = text.token(next);
                if (first == null || !text.adjacentOnLine(text.token(next - 1), first)) {
                    continue;
                }
                if (!first.isCapitalized() && first.isWord() && dictName(first.lower())
                        && !CALENDAR_WORDS.contains(first.lower())) {
                    Token second = text.token(next + 1);
                    boolean pair = second != null && second.isWord() && !second.isCapitalized()
                            && text.adjacentOnLine(first, second) && lex.isSurname(second.lower());
                    add(next, pair ? next + 1 : next, 0.85);
                } else {
                    add(next, extend(next, Evidence.TITLE), 0.95);
                }
            }
        }

        void cues() {
            CueIndex labels = new CueIndex(LABEL_CUE, text.text());
            CueIndex weak = new CueIndex(WEAK_CUE, text.text());
            CueIndex generic = new CueIndex(GENERIC_CUE, text.text());
            for (Token t : tokens) {
                if (!t.isWord() || named[t.index()]) {
                    continue;
                }
                if (labels.cued(t.start())) {
                    add(t.index(), extend(t.index(), Evidence.LABEL), 0.9);
                } else if (weak.cued(t.start())) {
                    add(t.index(), extend(t.index(), Evidence.WEAK), 0.8);
                } else if (generic.cued(t.start())) {
                    add(t.index(), extend(t.index(), Evidence.GENERIC), 0.7);
                }
            }
        }

        void credentials() {
            Matcher m = CREDENTIAL.matcher(text.text());
            while (m.find()) {
                if (m.start() == 0 || !Character.isLetter(text.text().charAt(m.start() - 1))
                        && text.text().charAt(m.start() - 1) != '.') {
                    continue;
                }
                boolean ambiguous = m.group(1) != null;
                boolean comma = m.group().contains(",");
                Token last = text.tokenBefore(m.start());
                if (last == null) {
                    continue;
                }
                int end = last.index();
                int start = end;
                int words = 0;
                boolean vouched = false;
                boolean commaUsed = false;
                for (int i = end; i >= 0 && words < 4; i--) {
                    Token t = tokens.get(i);
                    if (i < end && !text.adjacentOnLine(t, tokens.get(i + 1))) {
                        break;
                    }
                    if (t.is('.') && i > 0 && isInitial(tokens.get(i - 1))) {
                        continue;
                    }
                    if (t.is(',')) {
                        if (i == end || commaUsed || words == 0) {
                            break;
                        }
                        commaUsed = true;
                        continue;
                    }
                    boolean initial = isInitial(t);
                    if (!initial && !(nameLike(t) && !vocabulary(t) && !CALENDAR_WORDS.contains(t.lower())
                            && !FUNCTION_WORDS.contains(t.lower())
                            && (dictName(t.lower()) || !lex.isCommonWord(t.lower())))) {
                        break;
                    }
                    vouched |= !initial && (dictName(t.lower()) || !lex.isCommonWord(t.lower()));
                    start = i;
                    words++;
                }
                while (start <= end && !tokens.get(start).isWord()) {
                    start++;
                }
                if (start > end || !vouched || (ambiguous && !(comma && words >= 1 && anyDict(start, end)))) {
                    continue;
                }
                add(start, end, 0.9);
            }
        }

        void closings() {
            Matcher m = CLOSING.matcher(text.text());
            while (m.find()) {
                Token first = text.tokenAtOrAfter(m.end());
                if (first != null && first.start() == m.end()) {
                    add(first.index(), extend(first.index(), Evidence.LABEL), 0.85);
                }
            }
        }

        void versus() {
            Matcher m = VERSUS.matcher(text.text());
            while (m.find()) {
                Token right = text.tokenAtOrAfter(m.end());
                if (right != null) {
                    add(right.index(), extend(right.index(), Evidence.WEAK), 0.8);
                }
                Token left = text.tokenBefore(m.start());
                int end = left == null ? -1 : left.index();
                int start = end;
                for (int i = end; i >= 0 && end - i < 4; i--) {
                    Token t = tokens.get(i);
                    if (!(isInitial(t) || acceptNext(t)) || (i < end && !text.adjacentOnLine(t, tokens.get(i + 1)))) {
                        break;
                    }
                    start = i;
                }
                if (end >= 0 && start <= end && acceptNext(tokens.get(start))) {
                    add(start, end, 0.8);
                }
            }
        }

        /** "Last, First [M.]" with at least one of the two vouched for by the dictionaries. */
        void lastFirst() {
            for (int i = 0; i + 2 < tokens.size(); i++) {
                Token last = tokens.get(i);
                Token comma = tokens.get(i + 1);
                Token first = tokens.get(i + 2);
                if (!comma.is(',') || !text.adjacentOnLine(last, comma) || !text.adjacentOnLine(comma, first)
                        || !nameLike(last) || !nameLike(first) || vocabulary(last) || vocabulary(first)
                        || excluded(last) || excluded(first) || stateName(first)
                        || CALENDAR_WORDS.contains(first.lower()) || UsStates.isStateName(first.text())
                        || UsStates.NOT_LOCAL.contains(first.lower())) {
                    continue;
                }
                Token middle = text.token(i + 3);
                boolean initialFollows = middle != null && isInitial(middle) && text.adjacentOnLine(first, middle);
                boolean surname = lex.isSurname(last.lower());
                boolean lastOk = surname || (!lex.isCommonWord(last.lower()) && !dictName(last.lower())
                        && !text.inCapsLine(last));
                boolean firstOk = lex.isFirstName(first.lower())
                        || (!lex.isCommonWord(first.lower()) && (initialFollows || surname));
                boolean plainWords = lex.isCommonWord(last.lower()) && lex.isCommonWord(first.lower());
                if (!lastOk || !firstOk || plainWords || !(strong(last) || strong(first) || initialFollows
                        || (surname && lex.isFirstName(first.lower())))) {
                    continue;
                }
                int end = i + 2;
                if (middle != null && isInitial(middle) && text.adjacentOnLine(first, middle)) {
                    end++;
                    Token dot = text.token(end + 1);
                    if (dot != null && dot.is('.')) {
                        end++;
                    }
                }
                add(i, end, 0.85);
            }
        }

        /** Runs of capitalised name words and initials on one line, judged by the dictionaries. */
        void sequences() {
            int i = 0;
            while (i < tokens.size()) {
                if (!sequenceWord(tokens.get(i))) {
                    i++;
                    continue;
                }
                int j = i;
                int last = i;
                while (j + 1 < tokens.size()) {
                    Token next = tokens.get(j + 1);
                    if (!text.adjacentOnLine(tokens.get(j), next)) {
                        break;
                    }
                    if (next.is('.') && isInitial(tokens.get(j))) {
                        j++;
                        continue;
                    }
                    if (!sequenceWord(next)) {
                        break;
                    }
                    j++;
                    last = j;
                }
                judgeSequence(i, last);
                i = j + 1;
            }
        }

        private void judgeSequence(int start, int end) {
            while (start < end && tokens.get(start).isWord() && vocabulary(tokens.get(start))) {
                start++;
            }
            List<Token> words = new ArrayList<>();
            boolean initials = false;
            for (int k = start; k <= end; k++) {
                Token t = tokens.get(k);
                if (isInitial(t)) {
                    initials = true;
                } else if (t.isWord()) {
                    words.add(t);
                }
            }
            if (words.isEmpty() || eponymFollows(end)) {
                return;
            }
            long strongWords = words.stream().filter(this::strong).count();
            long dictWords = words.stream().filter(w -> dictName(w.lower())).count();
            boolean capsLine = text.inCapsLine(words.get(0));
            boolean accept;
            if (words.size() >= 2) {
                boolean titleCased = !capsLine && words.stream().allMatch(Token::isTitleCase)
                        && !text.startsSentence(words.get(0)) && !headingLine(words.get(0));
                boolean titleCasedPair = titleCased && lex.isFirstName(words.get(0).lower())
                        && dictName(words.get(words.size() - 1).lower());
                long unknown = words.stream().filter(w -> !dictName(w.lower())).count();
                boolean nameAndUnknown = titleCased && dictWords >= 1 && unknown >= 1
                        && words.stream().noneMatch(this::notName);
                boolean middleInitial = !capsLine && initials && words.size() >= 2
                        && words.stream().allMatch(w -> w.isTitleCase() && !notName(w))
                        && words.stream().noneMatch(w -> lex.isCommonWord(w.lower()) && !dictName(w.lower()))
                        && !isInitial(tokens.get(start)) && !isInitial(tokens.get(end));
                accept = (strongWords >= 1 && dictWords >= 1) || titleCasedPair || nameAndUnknown
                        || (initials && dictWords >= 1) || middleInitial;
            } else {
                Token w = words.get(0);
                boolean midSentenceGivenName = !capsLine && w.isTitleCase() && lex.isFirstName(w.lower())
                        && !notName(w) && !text.startsSentence(w) && !headingLine(w) && w.text().length() >= 3;
                accept = (strongWords == 1 && w.text().length() >= (capsLine ? 4 : 3))
                        || (initials && dictName(w.lower()) && (w.isTitleCase() || capsLine))
                        || (initials && isInitial(tokens.get(start)) && !capsLine && w.isTitleCase() && !notName(w)
                            && !lex.isCommonWord(w.lower()) && w.text().length() >= 4
                            && !ENGLISH_SUFFIX.matcher(w.lower()).find())
                        || midSentenceGivenName;
            }
            if (accept) {
                int from = start;
                while (!tokens.get(from).isWord()) {
                    from++;
                }
                add(from, end, words.size() >= 2 ? 0.8 : 0.6);
            }
        }

        /** "maria gonzalez": a given name and a surname in lower case, neither an ordinary word. */
        void lowerCasePairs() {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token a = tokens.get(i);
                Token b = tokens.get(i + 1);
                if (a.isWord() && b.isWord() && !a.isCapitalized() && !b.isCapitalized()
                        && text.adjacentOnLine(a, b) && lex.isFirstName(a.lower()) && lex.isSurname(b.lower())
                        && (strong(a) || strong(b)) && !notName(a) && !notName(b)
                        && !CALENDAR_WORDS.contains(a.lower()) && !FUNCTION_WORDS.contains(a.lower())
                        && !named[i] && !named[i + 1]) {
                    add(i, i + 1, 0.6);
                }
            }
        }

        /** "Keanu is a 84 year old man": one or two capitalised words starting a sentence before an age. */
        void ageStatements() {
            Matcher m = AGE_STATEMENT.matcher(text.text());
            while (m.find()) {
                Token first = text.tokenAtOrAfter(m.start(1));
                Token last = text.tokenBefore(m.end(1));
                if (first == null || last == null || !text.startsSentence(first)) {
                    continue;
                }
                boolean ok = true;
                for (int k = first.index(); k <= last.index(); k++) {
                    Token t = tokens.get(k);
                    ok &= nameLike(t) && !vocabulary(t) && !FUNCTION_WORDS.contains(t.lower())
                            && !(lex.isCommonWord(t.lower()) && !dictName(t.lower()));
                }
                if (ok) {
                    add(first.index(), last.index(), 0.8);
                }
            }
        }

        /** "Keanu (DOB 11/27/2020)", "SMITH, JOHN DOB: ...": the capitalised words right before a date of birth. */
        void birthDates() {
            Matcher m = BIRTH_DATE.matcher(text.text());
            while (m.find()) {
                Token last = text.tokenBefore(m.start());
                if (last == null || !last.isWord()) {
                    continue;
                }
                int end = last.index();
                int start = end + 1;
                boolean comma = false;
                for (int k = end; k >= 0 && end - k < 6; k--) {
                    Token t = tokens.get(k);
                    if (k < end && !text.adjacentOnLine(t, tokens.get(k + 1))) {
                        break;
                    }
                    if (t.is(',') && !comma && k < end) {
                        comma = true;
                        continue;
                    }
                    if (t.is('.') && k > 0 && isInitial(tokens.get(k - 1))) {
                        continue;
                    }
                    if (!(isInitial(t) || (nameLike(t) && !vocabulary(t) && !excluded(t) && !stateName(t)
                            && !(lex.isCommonWord(t.lower()) && !dictName(t.lower()))))) {
                        break;
                    }
                    start = k;
                }
                while (start <= end && !tokens.get(start).isWord()) {
                    start++;
                }
                if (start <= end) {
                    add(start, end, 0.85);
                }
            }
        }

        /** Whether most words of the token's line are capitalised (a heading or a form label line). */
        private boolean headingLine(Token t) {
            int words = 0;
            int capitalised = 0;
            for (int k = t.index(); k >= 0 && !(k < t.index() && text.newlineBetween(tokens.get(k), tokens.get(k + 1))); k--) {
                if (tokens.get(k).isWord()) {
                    words++;
                    capitalised += tokens.get(k).isCapitalized() ? 1 : 0;
                }
            }
            for (int k = t.index() + 1; k < tokens.size() && !text.newlineBetween(tokens.get(k - 1), tokens.get(k)); k++) {
                if (tokens.get(k).isWord()) {
                    words++;
                    capitalised += tokens.get(k).isCapitalized() ? 1 : 0;
                }
            }
            return words >= 3 && capitalised * 10 >= words * 7;
        }

        /** Marks every further capitalised occurrence of a word already found in a name. */
        void propagate() {
            Set<String> known = new HashSet<>();
            for (int[] r : ranges) {
                for (int k = r[0]; k <= r[1]; k++) {
                    Token t = tokens.get(k);
                    if (t.isWord() && t.text().length() >= 2 && !isInitial(t) && !vocabulary(t) && !excluded(t)
                            && !PARTICLES.contains(t.lower()) && !SUFFIXES.contains(t.lower())) {
                        known.add(t.lower());
                    }
                }
            }
            if (known.isEmpty()) {
                return;
            }
            for (Token t : tokens) {
                if (named[t.index()] || !t.isCapitalized() || !known.contains(t.lower()) || eponymFollows(t.index())) {
                    continue;
                }
                boolean ambiguous = lex.isCommonWord(t.lower()) || notName(t) || t.text().length() <= 2;
                if (ambiguous && (text.inCapsLine(t) || !t.isTitleCase() || text.startsSentence(t))) {
                    continue;
                }
                if (t.isAllCaps() && !text.inCapsLine(t) && t.text().length() <= 3) {
                    continue;
                }
                add(t.index(), t.index(), 0.6);
            }
        }

        /** Index of the last token of a name that starts at {@code i}, or -1 when the evidence does not hold. */
        private int extend(int i, Evidence evidence) {
            Token first = text.token(i);
            if (first == null || !acceptFirst(first, evidence)) {
                return -1;
            }
            int last = i;
            int j = i + 1;
            if (isInitial(first) && text.token(j) != null && text.token(j).is('.')) {
                last = j;
                j++;
            }
            int words = 1;
            boolean commaUsed = false;
            while (words < 4) {
                Token previous = text.token(j - 1);
                Token t = text.token(j);
                if (t == null || !text.adjacentOnLine(previous, t)) {
                    break;
                }
                if (t.is(',') && !commaUsed) {
                    if (CREDENTIAL.matcher(text.text()).region(t.start(), text.text().length()).lookingAt()) {
                        break;
                    }
                    Token u = text.token(j + 1);
                    boolean cued = evidence == Evidence.TITLE || evidence == Evidence.LABEL;
                    boolean firstName = u != null && text.adjacentOnLine(t, u) && nameLike(u) && (cued || !vocabulary(u))
                            && !excluded(u) && !stateName(u) && !PLACE_PREFIXES.contains(u.lower())
                            && (lex.isFirstName(u.lower()) || isInitial(u)
                                || (cued && !lex.isCommonWord(u.lower()) && endsName(u)));
                    boolean suffix = u != null && SUFFIXES.contains(u.lower());
                    if (firstName || suffix) {
                        commaUsed = true;
                        j++;
                        continue;
                    }
                    break;
                }
                if (isInitial(t)) {
                    last = j;
                    j++;
                    if (text.token(j) != null && text.token(j).is('.')) {
                        last = j;
                        j++;
                    }
                    words++;
                    continue;
                }
                if (PARTICLES.contains(t.text()) && text.token(j + 1) != null && nameLike(text.token(j + 1))) {
                    j++;
                    continue;
                }
                if (SUFFIXES.contains(t.lower()) && t.isCapitalized()) {
                    last = j;
                    break;
                }
                if (!acceptNext(t)) {
                    break;
                }
                last = j;
                j++;
                words++;
            }
            return last;
        }

        /** Whether nothing name-like follows {@code t} on its line, apart from an initial or a record label. */
        private boolean endsName(Token t) {
            Token next = text.token(t.index() + 1);
            if (next == null || !next.isWord() || text.newlineBetween(t, next)) {
                return true;
            }
            return isInitial(next) || dictName(next.lower()) || RECORD_LABELS.contains(next.lower());
        }

        private boolean acceptFirst(Token t, Evidence evidence) {
            if (isInitial(t)) {
                return (evidence == Evidence.TITLE || evidence == Evidence.LABEL) && initialAt(t.index());
            }
            if (!t.isWord() || !t.isCapitalized() || t.text().length() < 2) {
                return false;
            }
            String lower = t.lower();
            boolean dict = dictName(lower);
            boolean common = lex.isCommonWord(lower);
            boolean capsLine = text.inCapsLine(t);
            if (FUNCTION_WORDS.contains(lower) || CALENDAR_WORDS.contains(lower)
                    || (vocabulary(t) && evidence != Evidence.TITLE) || (common && !dict)
                    || isTitle(t) || CREDENTIAL_WORDS.contains(lower) || UsStates.NOT_LOCAL.contains(lower)
                    || (stateName(t) && evidence != Evidence.LABEL && evidence != Evidence.TITLE)) {
                return false;
            }
            switch (evidence) {
                case TITLE:
                    return !(t.isAllCaps() && !capsLine && t.text().length() <= 3 && !dict);
                case LABEL:
                    return nameLike(t);
                case WEAK:
                    return nameLike(t) && (capsLine ? strong(t) : dict || !common) && !eponymFollows(t.index());
                default:
                    return nameLike(t) && dict && !eponymFollows(t.index()) && (capsLine ? strong(t)
                            : strong(t) || (t.isTitleCase() && !text.startsSentence(t)) || initialAt(t.index() + 1));
            }
        }

        /** A word that continues a name: a dictionary name (even an eponym) or an unknown capitalised word. */
        private boolean acceptNext(Token t) {
            if (!nameLike(t) || excluded(t) || eponymFollows(t.index())) {
                return false;
            }
            String lower = t.lower();
            if (dictName(lower)) {
                return true;
            }
            return !notName(t) && !lex.isCommonWord(lower) && !text.inCapsLine(t) && !FUNCTION_WORDS.contains(lower);
        }

        private boolean sequenceWord(Token t) {
            if (isInitial(t)) {
                Token next = text.token(t.index() + 1);
                return next != null && next.is('.');
            }
            if (!nameLike(t) || excluded(t) || stateName(t)) {
                return false;
            }
            String lower = t.lower();
            if (dictName(lower)) {
                return true;
            }
            if (notName(t) || lex.isCommonWord(lower)) {
                return false;
            }
            return text.inCapsLine(t) ? t.text().length() >= 4 && strongNeighbour(t) : t.isTitleCase();
        }

        /** Whether the word next to {@code t} on its line is a dictionary name that is not an ordinary word. */
        private boolean strongNeighbour(Token t) {
            for (int step : new int[] {-1, 1}) {
                Token n = text.token(t.index() + step);
                if (n != null && n.isWord() && !text.newlineBetween(step < 0 ? n : t, step < 0 ? t : n) && strong(n)) {
                    return true;
                }
            }
            return false;
        }

        /** A dictionary name that is not an ordinary word or a clinical term. */
        private boolean strong(Token t) {
            String lower = t.lower();
            return dictName(lower) && !lex.isCommonWord(lower) && !notName(t) && lower.length() >= 3;
        }

        private boolean nameLike(Token t) {
            if (!t.isWord() || !t.isCapitalized() || gluedToDigit(t)) {
                return false;
            }
            boolean dict = dictName(t.lower());
            boolean acronym = t.isAllCaps() && !text.inCapsLine(t)
                    && (dict ? t.text().length() <= 3 && !capitalNeighbour(t) : t.text().length() < 4 || !capitalNeighbour(t));
            return !acronym;
        }

        /** Whether a digit follows the word directly, so it is the start of a code such as E0759955. */
        private boolean gluedToDigit(Token t) {
            return t.end() < text.text().length() && Character.isDigit(text.text().charAt(t.end()));
        }

        /** Whether the nearest word before or after (across one comma) is also written in capitals. */
        private boolean capitalNeighbour(Token t) {
            for (int step : new int[] {-1, 1}) {
                Token n = text.token(t.index() + step);
                if (n != null && n.is(',')) {
                    n = text.token(n.index() + step);
                }
                if (n != null && n.isAllCaps() && n.text().length() >= 2 && dictName(n.lower())
                        && !text.newlineBetween(step < 0 ? n : t, step < 0 ? t : n)) {
                    return true;
                }
            }
            return false;
        }

        /** Titles, credentials, pronouns, calendar words, states and countries: never part of a name. */
        private boolean excluded(Token t) {
            String lower = t.lower();
            return CALENDAR_WORDS.contains(lower) || FUNCTION_WORDS.contains(lower) || isTitle(t)
                    || CREDENTIAL_WORDS.contains(lower) || UsStates.NOT_LOCAL.contains(lower);
        }

        /** A state name, alone or as the last word of one ("New York", "North Carolina"). */
        private boolean stateName(Token t) {
            if (UsStates.isStateName(t.text())) {
                return true;
            }
            Token previous = text.token(t.index() - 1);
            if (previous != null && previous.isWord() && text.adjacentOnLine(previous, t)) {
                if (UsStates.isStateName(previous.text() + " " + t.text())) {
                    return true;
                }
            }
            Token next = text.token(t.index() + 1);
            return next != null && next.isWord() && text.adjacentOnLine(t, next)
                    && UsStates.isStateName(t.text() + " " + next.text());
        }

        /** A word on the non-name list that the name dictionaries do not know either: never a name. */
        private boolean vocabulary(Token t) {
            return notName(t) && !dictName(t.lower());
        }

        private boolean notName(Token t) {
            String lower = t.lower();
            if (lex.isNotName(lower)) {
                return true;
            }
            int dash = lower.indexOf('-');
            return dash > 0 && lex.isNotName(lower.substring(0, dash));
        }

        private boolean dictName(String lower) {
            if (CONTRACTION.matcher(lower).matches()) {
                return false;
            }
            if (lex.isFirstName(lower) || lex.isSurname(lower)) {
                return true;
            }
            if (lower.indexOf('-') > 0) {
                boolean anyName = false;
                for (String part : lower.split("-")) {
                    boolean name = lex.isFirstName(part) || lex.isSurname(part);
                    if (part.length() < 2 || (!name && lex.isCommonWord(part))) {
                        return false;
                    }
                    anyName |= name;
                }
                return anyName;
            }
            String joined = lower.replace("'", "").replace("\u2019", "");
            if (!joined.equals(lower) && (lex.isFirstName(joined) || lex.isSurname(joined))) {
                return true;
            }
            if (lower.indexOf('-') > 0 || lower.indexOf('\'') > 0 || lower.indexOf('\u2019') > 0) {
                for (String part : lower.split("[-'\u2019]")) {
                    if (part.length() >= 2 && (lex.isFirstName(part) || lex.isSurname(part))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean anyDict(int start, int end) {
            for (int k = start; k <= end; k++) {
                if (tokens.get(k).isWord() && dictName(tokens.get(k).lower())) {
                    return true;
                }
            }
            return false;
        }

        private boolean eponymFollows(int index) {
            Token of = text.token(index - 1);
            Token head = text.token(index - 2);
            if (of != null && head != null && of.lower().equals("of") && EPONYM_HEADS.contains(head.lower())) {
                return true;
            }
            int k = index + 1;
            Token next = text.token(k);
            if (next != null && (next.lower().equals("'s") || next.lower().equals("\u2019s") || next.is('-'))) {
                next = text.token(++k);
            }
            while (next != null && next.isWord() && (lex.isNotName(next.lower()) || dictName(next.lower()))
                    && !EPONYM_NEXT.contains(next.lower()) && k < index + 3) {
                next = text.token(++k);
                if (next != null && (next.lower().equals("'s") || next.lower().equals("\u2019s") || next.is('-'))) {
                    next = text.token(++k);
                }
            }
            return next != null && EPONYM_NEXT.contains(next.lower());
        }

        private boolean initialAt(int index) {
            Token t = text.token(index);
            return t != null && isInitial(t);
        }

        /** A single capital letter used as an initial: not a unit after a number, and "A"/"I" only with a dot. */
        private boolean isInitial(Token t) {
            if (t.text().length() != 1 || !Character.isUpperCase(t.text().charAt(0))) {
                return false;
            }
            Token previous = text.token(t.index() - 1);
            if (previous != null && previous.isNumber() && text.adjacentOnLine(previous, t)) {
                return false;
            }
            char before = t.start() == 0 ? ' ' : text.text().charAt(t.start() - 1);
            if (before == '/' || before == '-' || Character.isLetterOrDigit(before) || gluedToDigit(t)) {
                return false;
            }
            Token next = text.token(t.index() + 1);
            boolean dotted = next != null && next.is('.') && next.start() == t.end();
            return dotted || !(t.text().equals("A") || t.text().equals("I"));
        }

        private void add(int start, int end, double confidence) {
            if (end < start) {
                return;
            }
            while (end > start && !tokens.get(end).isWord() && !tokens.get(end).is('.')) {
                end--;
            }
            if (tokens.get(end).is('.') && !isInitial(tokens.get(end - 1 >= start ? end - 1 : end))) {
                end--;
            }
            if (end < start || !tokens.get(start).isWord()) {
                return;
            }
            boolean word = false;
            for (int k = start; k <= end && !word; k++) {
                word = tokens.get(k).isWord() && tokens.get(k).text().length() >= 2;
            }
            if (!word) {
                return;
            }
            for (int k = start; k <= end; k++) {
                named[k] = true;
            }
            ranges.add(new int[] {start, end});
            confidences.add(confidence);
        }
    }
}
