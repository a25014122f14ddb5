package dev.enclave.deid;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic replacements for PHI, deterministic in (seed, group key, type, original): the same name always gets the
 * same fake name within a group and, with overwhelming likelihood, a different one in another group. Names are
 * replaced word by word (so "John Smith", "Smith, John" and "Mr. Smith" stay consistent), dates are shifted by one
 * offset per group keeping their format, identifiers keep their shape with new digits and letters.
 */
final class SurrogateGenerator implements Serializable {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'\u2019]*");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");
    private static final Set<String> KEPT_WORDS = Set.of("jr", "sr", "ii", "iii", "iv", "st", "saint", "of", "the",
            "and", "hospital", "medical", "center", "centre", "clinic", "clinics", "general", "memorial", "regional",
            "community", "university", "health", "healthcare", "care", "nursing", "home", "rehabilitation", "rehab",
            "institute", "infirmary", "hospice", "pharmacy", "urgent", "assisted", "living", "llp", "llc", "pllc",
            "pc", "law", "group", "firm", "office", "offices", "associates", "partners", "inc", "corp", "company",
            "county", "parish", "borough", "township", "city", "street", "avenue", "ave", "road", "rd",
            "boulevard", "blvd", "drive", "dr", "lane", "ln", "way", "court", "ct", "place", "pl", "terrace",
            "circle", "parkway", "highway", "hwy", "route", "apt", "apartment", "suite", "ste", "unit", "floor",
            "box", "po", "north", "south", "east", "west", "n", "s", "e", "w", "ne", "nw", "se", "sw", "children",
            "school", "college", "academy", "church", "system", "services", "surgery", "surgical", "family",
            "practice", "behavioral", "mental", "senior", "retirement", "dialysis", "imaging", "laboratory", "labs");
    private static final int MIN_SHIFT_DAYS = 15;
    private static final int MAX_SHIFT_DAYS = 365;

    private final long seed;

    SurrogateGenerator(long seed) {
        this.seed = seed;
    }

    /** The shift in days applied to every date of the group: non-zero, within a year either way. */
    int dateOffset(String group) {
        long h = KeyedHash.of(seed, "date-offset", group);
        int magnitude = MIN_SHIFT_DAYS + KeyedHash.index(h, MAX_SHIFT_DAYS - MIN_SHIFT_DAYS + 1);
        return (h >>> 63) == 0 ? magnitude : -magnitude;
    }

    String surrogate(PhiType type, String original, String group) {
        return switch (type) {
            case NAME -> replaceWords(original, group, true);
            case DATE -> DateShifter.shift(original, dateOffset(group)).orElse("[DATE]");
            case AGE -> original.chars().anyMatch(Character::isDigit) ? original.replaceAll("\\d+", "90") : "ninety";
            case LOCATION -> place(original, group);
            case FACILITY -> replaceFacilityWords(original, group);
            case ADDRESS -> replaceWords(replaceDigits(original, group, type), group, false);
            case EMAIL -> email(original, group);
            case URL -> url(original, group);
            case IP -> ip(original, group);
            default -> replaceCharacters(original, group, type);
        };
    }

    private String replaceWords(String original, String group, boolean names) {
        Lexicon lex = Lexicon.standard();
        Matcher m = WORD.matcher(original);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            out.append(original, last, m.start());
            last = m.end();
            if ((!names && (KEPT_WORDS.contains(lower) || !Character.isUpperCase(word.charAt(0))))
                    || (names && Set.of("jr", "sr", "ii", "iii", "iv").contains(lower))) {
                out.append(word);
                continue;
            }
            if (word.length() == 1) {
                long h = KeyedHash.of(seed, group, "initial", lower);
                out.append(withCase(word, String.valueOf((char) ('a' + KeyedHash.index(h, 26)))));
                continue;
            }
            boolean given = names && lex.isFirstName(lower) && !lex.isSurname(lower);
            List<String> pool = given ? lex.firstNames() : lex.surnames();
            long h = KeyedHash.of(seed, group, given ? "given" : "surname", lower);
            String pick = pool.get(KeyedHash.index(h, pool.size()));
            if (pick.equals(lower)) {
                pick = pool.get(KeyedHash.index(h + 1, pool.size()));
            }
            out.append(withCase(word, pick));
        }
        out.append(original.substring(last));
        return out.toString();
    }

    /** Replaces the distinctive words of a facility name and keeps its descriptive ones ("X General Hospital"). */
    private String replaceFacilityWords(String original, String group) {
        Lexicon lex = Lexicon.standard();
        Matcher m = WORD.matcher(original);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean replacedOne = false;
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            out.append(original, last, m.start());
            last = m.end();
            boolean descriptive = KEPT_WORDS.contains(lower) || (lex.isCommonWord(lower) && replacedOne);
            if (descriptive || !Character.isUpperCase(word.charAt(0))) {
                out.append(word);
                continue;
            }
            List<String> pool = lex.surnames();
            long h = KeyedHash.of(seed, group, "facility", lower);
            String pick = pool.get(KeyedHash.index(h, pool.size()));
            out.append(withCase(word, pick.equals(lower) ? pool.get(KeyedHash.index(h + 1, pool.size())) : pick));
            replacedOne = true;
        }
        out.append(original.substring(last));
        return out.toString();
    }

    private String place(String original, String group) {
        List<String> places = Lexicon.standard().places();
        long h = KeyedHash.of(seed, group, "place", original.toLowerCase(Locale.ROOT));
        String pick = places.get(KeyedHash.index(h, places.size()));
        boolean county = original.toLowerCase(Locale.ROOT).endsWith("county");
        if (pick.equalsIgnoreCase(original) || pick.toLowerCase(Locale.ROOT).endsWith("county") != county) {
            pick = county ? replaceWords(original, group, false) : places.get(KeyedHash.index(h + 7, places.size()));
        }
        return withCase(original, pick);
    }

    private String email(String original, String group) {
        String user = Lexicon.standard().surnames().get(KeyedHash.index(KeyedHash.of(seed, group, "email", original),
                Lexicon.standard().surnames().size())).replaceAll("[^a-z]", "");
        int n = KeyedHash.index(KeyedHash.of(seed, group, "email-n", original), 90) + 10;
        String prefix = original.regionMatches(true, 0, "mailto:", 0, 7) ? original.substring(0, 7) : "";
        return prefix + user + n + "@example.org";
    }

    private String url(String original, String group) {
        String path = Long.toString(Math.abs(KeyedHash.of(seed, group, "url", original) % 1_000_000_000L), 36);
        String lower = original.toLowerCase(Locale.ROOT);
        String scheme = lower.startsWith("https://") ? "https://" : lower.startsWith("http://") ? "http://"
                : lower.startsWith("ftp://") ? "ftp://" : "";
        return scheme + "www.example.org/" + path;
    }

    private String ip(String original, String group) {
        SplittableRandom random = new SplittableRandom(KeyedHash.of(seed, group, "ip", original));
        if (original.contains(":") && !original.matches("[\\d.]+:\\d+")) {
            return String.format("fd%02x:%x:%x::%x", random.nextInt(256), random.nextInt(65536), random.nextInt(65536),
                    random.nextInt(1, 65536));
        }
        String port = original.contains(":") ? original.substring(original.indexOf(':')) : "";
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255) + port;
    }

    private String replaceDigits(String original, String group, PhiType type) {
        SplittableRandom random = new SplittableRandom(KeyedHash.of(seed, group, type.name(), "digits", original));
        Matcher m = DIGIT_RUN.matcher(original);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < m.group().length(); i++) {
                digits.append(i == 0 ? random.nextInt(1, 10) : random.nextInt(10));
            }
            m.appendReplacement(out, digits.toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private String replaceCharacters(String original, String group, PhiType type) {
        SplittableRandom random = new SplittableRandom(KeyedHash.of(seed, group, type.name(), original));
        boolean alphanumeric = original.chars().anyMatch(Character::isLetterOrDigit);
        boolean hex = original.matches("[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2})+");
        int letters = hex ? 6 : 26;
        String result = original;
        for (int attempt = 0; attempt < 8 && (attempt == 0 || (alphanumeric && result.equals(original))); attempt++) {
            StringBuilder out = new StringBuilder(original.length());
            for (int i = 0; i < original.length(); i++) {
                char c = original.charAt(i);
                if (c >= '0' && c <= '9') {
                    out.append((char) ('0' + random.nextInt(10)));
                } else if (c >= 'A' && c <= 'Z') {
                    out.append((char) ('A' + random.nextInt(letters)));
                } else if (c >= 'a' && c <= 'z') {
                    out.append((char) ('a' + random.nextInt(letters)));
                } else {
                    out.append(c);
                }
            }
            result = out.toString();
        }
        return result;
    }

    /** {@code word} (lower case) written in the case style of {@code model}: UPPER, Title or lower. */
    private static String withCase(String model, String word) {
        boolean upper = model.length() > 1 && model.equals(model.toUpperCase(Locale.ROOT));
        if (upper) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(model.charAt(0))) {
            StringBuilder title = new StringBuilder(word.length());
            boolean start = true;
            for (char c : word.toCharArray()) {
                title.append(start ? Character.toUpperCase(c) : c);
                start = c == ' ' || c == '-' || c == '\'';
            }
            return title.toString();
        }
        return word;
    }
}
