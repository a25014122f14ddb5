package dev.enclave.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named hospitals, clinics, care homes, pharmacies, schools and firms: capitalised words ending in a facility word
 * ("Mercy General Hospital", "Lakeside Nursing Home", "St. Mary's Medical Center", "Baker &amp; Cole LLP"),
 * optionally continued by "of ..." ("Hospital of the University of Pennsylvania", "University of Michigan"), and
 * "St./Saint X's" on its own, and "Mount/Mt. X" after "at", "from", "to", "in" or a comma ("Dr. Chen at Mount
 * Sinai"). A facility word after only generic words ("the hospital", "Community Hospital",
 * "Urgent Care") is not a name; weak facility words (Group, Associates, Pharmacy, School...) need a distinctive word
 * (a name, a place or a word that is not ordinary English) before them.
 */
public final class FacilityDetector implements Detector {

    private static final String STRONG = "Hospital|Hospitals|Medical\\s+Center|Medical\\s+Centre|Med\\.?\\s+Ctr\\.?"
            + "|Health\\s+Center|Health\\s+Centre|Health\\s+Centers|Healthcare|Health\\s+Care|Health\\s+System"
            + "|Health\\s+Services|Clinic|Clinics|Nursing\\s+Home|Nursing\\s+Center|Nursing\\s+Facility"
            + "|Rehabilitation\\s+Center|Rehabilitation\\s+Hospital|Rehab\\s+Center|Rehabilitation|Care\\s+Center"
            + "|Care\\s+Centre|Surgery\\s+Center|Surgical\\s+Center|Cancer\\s+Center|Cancer\\s+Institute"
            + "|Heart\\s+Institute|Infirmary|Hospice|Sanatorium|Sanitarium|Assisted\\s+Living|Senior\\s+Living"
            + "|Retirement\\s+Home|Retirement\\s+Community|Memory\\s+Care|Dialysis\\s+Center|Imaging\\s+Center"
            + "|Medical\\s+Group|Medical\\s+Associates|Medical\\s+Practice|Family\\s+Practice|Family\\s+Medicine"
            + "|Behavioral\\s+Health|Mental\\s+Health\\s+Center|Counseling\\s+Center|Treatment\\s+Center"
            + "|Recovery\\s+Center|Medical\\s+Plaza|Medical\\s+Building|Skilled\\s+Nursing\\s+Facility"
            + "|Correctional\\s+Facility|Correctional\\s+Center|Detention\\s+Center|Urgent\\s+Care\\s+Center"
            + "|LLP|LLC|L\\.L\\.P\\.|L\\.L\\.C\\.|PLLC|P\\.L\\.L\\.C\\.|P\\.C\\.|Law\\s+Group|Law\\s+Firm|Law\\s+Offices?"
            + "|Legal\\s+Services|Legal\\s+Aid|Inc\\.?|Incorporated|Corp\\.?|Corporation|Company|Co\\.|Ltd\\.?"
            + "|Nursing\\s+(?:&|and)\\s+Rehabilitation(?:\\s+Center)?|Care\\s+Home|Post-Acute\\s+Care|Post-Acute|Urgent\\s+Care|Skilled\\s+Nursing|Nursing\\s+and\\s+Rehabilitation"
            + "|Convalescent\\s+Home|Group\\s+Home|Adult\\s+Day\\s+Care|Day\\s+Care|Daycare|Health\\s+Partners"
            + "|Medical\\s+Clinic|Dental\\s+Clinic|Children's\\s+Hospital|Women's\\s+Hospital|VA\\s+Medical\\s+Center";
    private static final String WEAK = "Institute|University|College|School|Academy|Church|Pharmacy|Laboratory"
            + "|Laboratories|Labs|Imaging|Radiology|Pediatrics|Physicians|Specialists|Associates|Partners|Group"
            + "|Foundation|Bank|Insurance|Agency|Manor|Home|Homes|Center|Centre|Shelter|Prison|Jail|Dialysis|Health"
            + "|Services|Solutions|Management|Properties|Property|Realty|Holdings|Industries|Enterprises|Systems"
            + "|Technologies|Tech|Consulting|Logistics|Transport|Transportation|Trucking|Freight|Construction|Builders"
            + "|Contractors|Roofing(?:\\s+&\\s+Siding)?|Plumbing|Electric|Landscaping|Cleaning|Security|Auto\\s+Body"
            + "|Motors|Auto|Restaurant|Restaurants|Cafe|Bakery|Diner|Grill|Market|Foods|Store|Stores|Pharmacies"
            + "|Dental|Credit\\s+Union|Hotel|Inn|Motel|Apartments|Towers|Village|Club|Gym|Fitness|Studio|Studios"
            + "|Media|Press|Publishing|Airlines|Express|Delivery|Warehouse|Distribution|Manufacturing|Farms"
            + "|Ranch|Winery|Brewery|Salon|Spa|Daycare|Preschool|Elementary|Middle\\s+School|High\\s+School";
    private static final Pattern SUFFIX = Pattern.compile("(?-i:(?=[A-Z]))(?<![\\w'])(?:(" + STRONG + ")|(" + WEAK + "))(?=['\u2019]s\\b|[^\\w'\u2019]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OF_CONTINUATION = Pattern.compile(
            "^[ \\t]+(?:of|OF|at|AT)[ \\t]+(?:(?:the|THE)[ \\t]+)?((?:[A-Z][\\p{L}'\u2019.-]*(?:[ \\t]+(?:of|OF)[ \\t]+|[ \\t]+|(?=\\W|$))){1,4})");
    private static final Pattern SAINT = Pattern.compile("\\b(?:St\\.?|Saint|ST\\.?|SAINT)\\s+[A-Z][\\p{L}]+['\u2019][sS]\\b");
    private static final Pattern MOUNT = Pattern.compile("(?:\\b(?:at|from|to|in|At|From|To|In|AT|FROM|TO|IN)|[,@:])"
            + "[ \\t]{1,3}((?:Mount|Mt\\.?|MOUNT|MT\\.?)[ \\t]+[A-Z][\\p{L}]+(?:['\u2019][sS])?"
            + "(?:[ \\t]+(?:West|East|North|South|WEST|EAST|NORTH|SOUTH)(?![\\w-]))?)");
    private static final Set<String> GENERIC = Set.of("general", "regional", "community", "memorial", "county", "university", "medical", "children",
            "children's", "state", "veterans", "city", "private", "public", "teaching", "psychiatric", "mental",
            "rehabilitation", "surgical", "specialty", "acute", "main", "emergency", "urgent", "primary", "family",
            "internal", "outpatient", "inpatient", "day", "free", "dental", "eye", "heart", "cancer", "women's",
            "women", "behavioral", "health", "care", "the", "a", "an", "this", "our", "that", "outside", "local",
            "another", "other", "same", "previous", "prior", "referring", "receiving", "home", "her", "his", "their",
            "your", "my", "va", "osh", "nursing", "senior", "long-term", "term", "long", "skilled", "walk-in",
            "clinic", "hospital", "new", "old", "national", "american", "united", "and", "&", "of", "for", "at",
            "in", "to", "from", "st", "saint", "medicine", "pediatric", "sleep", "pain", "wound", "dialysis",
            "infusion", "oncology", "cardiology", "orthopedic", "orthopaedic", "neurology", "ob", "gyn", "obgyn",
            "ent", "gi", "imaging", "radiology", "laboratory", "lab", "pharmacy", "retail", "mail", "order", "group",
            "practice", "physicians", "assisted", "living", "law", "legal", "firm", "office", "offices", "company",
            "insurance", "school", "high", "middle", "elementary", "church", "county's", "correctional", "detention",
            "federal", "district", "superior", "municipal", "dermatology", "urology", "nephrology", "pulmonology",
            "pulmonary", "endocrinology", "gastroenterology", "rheumatology", "hematology", "psychiatry",
            "psychology", "surgery", "orthopedics", "geriatrics", "obstetrics", "gynecology", "ophthalmology",
            "optometry", "audiology", "podiatry", "allergy", "immunology", "infectious", "disease", "diabetes",
            "kidney", "lung", "liver", "spine", "sports", "travel", "vaccine", "employee", "student", "occupational",
            "physical", "therapy", "speech", "anticoagulation", "coumadin", "lipid", "hypertension", "vascular",
            "vein", "ostomy", "transplant", "fertility", "maternity", "prenatal", "breast", "bone", "joint", "hand",
            "foot", "ankle", "skin", "ear", "nose", "throat", "voice", "memory", "headache", "epilepsy", "seizure",
            "movement", "stroke", "trauma", "burn", "plastic", "cosmetic", "oral", "vision", "hearing", "addiction",
            "methadone", "recovery", "detox", "crisis", "support", "social", "work", "case", "patient", "patients",
            "financial", "billing", "records", "services", "protective", "child", "adult", "human", "aid", "tech",
            "auto", "property", "post-acute", "transitional", "intermediate", "residential", "treatment",
            "sub-acute", "subacute", "partial", "intensive", "critical", "neonatal", "pediatrics", "radiation",
            "weight", "loss", "bariatric", "wellness", "integrative", "functional", "holistic", "failure", "asthma",
            "copd", "obesity", "prostate", "colorectal", "concussion", "fracture", "lipids", "diabetic", "renal",
            "cardiac", "thyroid", "glaucoma", "retina", "cataract", "cornea", "hepatology", "sickle", "cell", "hiv",
            "injection", "procedure", "endoscopy", "colonoscopy", "rehab", "geriatric", "adolescent", "teen",
            "youth", "military", "refugee", "immigrant", "migrant", "homeless", "low", "balance", "falls",
            "continence", "pelvic", "floor");
    private static final Set<String> STOP = Set.of("to", "at", "from", "in", "into", "by", "with", "was", "is", "were",
            "via", "per", "on", "see", "seen", "admitted", "transferred", "discharged", "sent", "went", "called",
            "follow", "followed", "follows", "attends", "attended", "works", "worked", "employed", "retired", "visit",
            "visited", "presented", "presents", "patient", "pt", "and", "or", "for", "the", "of", "continue", "resume",
            "start", "stop", "use", "uses", "using", "home", "as", "a", "an");
    private static final Set<String> OF_HEADS = Set.of("university", "college", "institute", "school", "hospital",
            "center", "centre", "department", "bank", "academy", "church", "clinic", "home", "sisters", "house");
    private static final Set<String> CORPORATE = Set.of("llc", "llp", "inc", "incorporated", "corp", "corporation",
            "ltd", "pc", "pllc", "co", "company", "lp", "pa");
    private static final Set<String> SCHOOL_WORDS = Set.of("academy", "school", "college", "university", "elementary",
            "preschool", "church", "institute");
    private static final Set<String> LEADING_VERBS = Set.of("see", "cf", "per", "contact", "call", "visit", "ask",
            "refer", "referred", "consult", "consulted", "notify", "notified", "email", "fax", "send", "sent", "via");
    private static final Set<String> TRADE_WORDS = Set.of("roofing", "plumbing", "electric", "landscaping", "cleaning",
            "auto", "construction", "contractors", "builders", "trucking", "logistics", "motors", "bakery", "restaurant",
            "restaurants", "cafe", "diner", "grill", "realty", "properties", "foods", "farms", "ranch", "winery",
            "brewery", "salon", "spa", "daycare", "preschool", "elementary", "hotel", "inn", "motel", "apartments",
            "towers", "manufacturing", "freight", "transport", "transportation", "security", "pharmacies", "dental",
            "insurance", "imaging", "laboratories", "labs");
    private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday");
    private static final int MAX_WORDS = 6;

    @Override
    public String id() {
        return "facility";
    }

    @Override
    public List<PhiSpan> detect(AnalyzedText text) {
        Lexicon lex = Lexicon.standard();
        String s = text.text();
        List<PhiSpan> out = new ArrayList<>();
        Matcher m = SUFFIX.matcher(s);
        while (m.find()) {
            boolean strong = m.group(1) != null;
            Token suffixStart = text.tokenAtOrAfter(m.start());
            if (suffixStart == null || !suffixStart.isCapitalized()) {
                continue;
            }
            List<Token> prefix = prefixWords(text, suffixStart);
            int end = m.end();
            Matcher of = OF_CONTINUATION.matcher(s).region(m.end(), s.length());
            boolean continued = false;
            if (of.lookingAt() && distinctive(text, lex, wordsIn(text, of.start(1), of.end(1)), true)) {
                end = trimEnd(s, of.end(1));
                continued = true;
            }
            boolean ok = strong ? distinctive(text, lex, prefix, false)
                    : distinctive(text, lex, prefix, true) || businessName(text, prefix, wordsIn(text, m.start(), m.end()));
            if (!ok && !continued) {
                continue;
            }
            int start = prefix.isEmpty() ? m.start() : prefix.get(0).start();
            out.add(text.span(start, end, PhiType.FACILITY, id(), strong ? 0.85 : 0.7));
        }
        m = SAINT.matcher(s);
        while (m.find()) {
            out.add(text.span(m.start(), m.end(), PhiType.FACILITY, id(), 0.6));
        }
        m = MOUNT.matcher(s);
        while (m.find()) {
            out.add(text.span(m.start(1), m.end(1), PhiType.FACILITY, id(), 0.6));
        }
        return out;
    }

    /** Capitalised words, "&amp;", "'s", "St." and inner "of/the/and" directly before the facility word. */
    private static List<Token> prefixWords(AnalyzedText text, Token suffixStart) {
        List<Token> words = new ArrayList<>();
        Token next = suffixStart;
        int count = 0;
        for (Token t = text.token(suffixStart.index() - 1); t != null && count < MAX_WORDS; t = text.token(t.index() - 1)) {
            if (text.newlineBetween(t, next) || next.start() - t.end() > 2) {
                break;
            }
            String lower = t.lower();
            Token before = text.token(t.index() - 1);
            boolean inner = (lower.equals("of") && before != null && OF_HEADS.contains(before.lower()))
                    || ((lower.equals("and") || lower.equals("the")) && before != null && before.isCapitalized()
                        && !text.inCapsLine(t) && !t.isAllCaps());
            boolean abbreviationDot = t.is('.') && before != null && before.isWord() && before.text().length() <= 3
                    && !words.isEmpty() && !text.inCapsLine(t);
            boolean glue = t.is('&') || abbreviationDot || t.is('-') || lower.equals("'s") || lower.equals("\u2019s");
            boolean corporateComma = t.is(',') && words.isEmpty() && next == suffixStart
                    && CORPORATE.contains(suffixStart.lower());
            if (t.isCapitalized() && !((text.inCapsLine(t) || t.isAllCaps()) && STOP.contains(lower))) {
                words.add(0, t);
                count++;
            } else if (corporateComma) {
                next = t;
                continue;
            } else if (words.isEmpty() && (lower.equals("'s") || lower.equals("\u2019s"))) {
                words.add(0, t);
            } else if (t.is('&') && words.isEmpty() && before != null && before.isCapitalized()) {
                words.add(0, t);
            } else if (!(glue || inner) || words.isEmpty()) {
                break;
            } else {
                words.add(0, t);
            }
            next = t;
        }
        while (!words.isEmpty() && (!words.get(0).isCapitalized() || STOP.contains(words.get(0).lower())
                || LEADING_VERBS.contains(words.get(0).lower()))) {
            words.remove(0);
        }
        return words;
    }

    /**
     * Two or more capitalised words before a business word in ordinary text ("Crescent Dental Group", "Atlas Tech
     * Solutions"), or one before a school word ("Walnut Academy"), with at least one word that is not generic.
     */
    private static boolean businessName(AnalyzedText text, List<Token> prefix, List<Token> suffix) {
        List<Token> words = prefix.stream().filter(Token::isWord).toList();
        if (words.isEmpty() || words.stream().allMatch(w -> GENERIC.contains(w.lower()))
                || words.stream().anyMatch(w -> CALENDAR.contains(w.lower()))) {
            return false;
        }
        boolean single = suffix.stream().anyMatch(t -> SCHOOL_WORDS.contains(t.lower()) || TRADE_WORDS.contains(t.lower()));
        Token suffixLast = suffix.get(suffix.size() - 1);
        boolean capitals = text.inCapsLine(suffixLast) || suffixLast.isAllCaps();
        return (words.size() >= 2 || single) && !(capitals && !distinctive(text, Lexicon.standard(), words, true));
    }

    /** Whether the words hold one that names this facility rather than describes it. */
    private static boolean distinctive(AnalyzedText text, Lexicon lex, List<Token> words, boolean needUncommon) {
        for (Token t : words) {
            String lower = t.lower();
            if (!t.isWord() || t.text().length() < 2 || GENERIC.contains(lower) || CALENDAR.contains(lower)
                    || (needUncommon && lex.isNotName(lower) && !lex.isPlace(t.text()))) {
                continue;
            }
            if (!needUncommon) {
                return true;
            }
            boolean named = lex.isFirstName(lower) || lex.isSurname(lower) || lex.isPlace(t.text());
            if (named || !lex.isCommonWord(lower) || (t.isAllCaps() && !text.inCapsLine(t))) {
                return true;
            }
        }
        return false;
    }

    private static List<Token> wordsIn(AnalyzedText text, int start, int end) {
        List<Token> words = new ArrayList<>();
        for (Token t = text.tokenAtOrAfter(start); t != null && t.end() <= end; t = text.token(t.index() + 1)) {
            words.add(t);
        }
        return words;
    }

    private static int trimEnd(String s, int end) {
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == '.')) {
            end--;
        }
        String tail = s.substring(0, end);
        for (String stopWord : new String[] {" of", " OF"}) {
            if (tail.endsWith(stopWord)) {
                end -= stopWord.length();
            }
        }
        return end;
    }
}
