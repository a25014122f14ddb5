package dev.enclave.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The word lists behind the dictionary-driven detectors and surrogates, loaded once per JVM from
 * {@code src/main/resources/dev/enclave/deid/} (see the README for their origin). Immutable and shared.
 */
public final class Lexicon {

    private static final class Holder {
        static final Lexicon STANDARD = new Lexicon();
    }

    private final Set<String> firstNames;
    private final Set<String> surnames;
    private final Set<String> commonWords;
    private final Set<String> notNames;
    private final Set<String> places;
    private final List<String> firstNameList;
    private final List<String> surnameList;
    private final List<String> placeList;
    private final int longestPlace;

    private Lexicon() {
        firstNameList = read("first-names.txt");
        surnameList = read("surnames.txt");
        placeList = read("places.txt");
        firstNames = Set.copyOf(firstNameList);
        surnames = Set.copyOf(surnameList);
        commonWords = Set.copyOf(read("common-words.txt"));
        notNames = Set.copyOf(read("not-names.txt"));
        Set<String> lowerPlaces = new HashSet<>();
        int longest = 1;
        for (String place : placeList) {
            lowerPlaces.add(normalizePlace(place));
            longest = Math.max(longest, place.split("[\\s-]+").length);
        }
        places = Set.copyOf(lowerPlaces);
        longestPlace = longest;
    }

    /** The lists shipped with Enclave. */
    public static Lexicon standard() {
        return Holder.STANDARD;
    }

    /** Whether the lower-case word is a known given name. */
    public boolean isFirstName(String lower) {
        return firstNames.contains(fold(lower));
    }

    /** Whether the lower-case word is a known surname. */
    public boolean isSurname(String lower) {
        return surnames.contains(fold(lower));
    }

    /** Whether the lower-case word is an ordinary English word. */
    public boolean isCommonWord(String lower) {
        return commonWords.contains(lower);
    }

    /** Whether the lower-case word is an eponym, drug, clinical or legal term that needs a cue to count as a name. */
    public boolean isNotName(String lower) {
        return notNames.contains(fold(lower));
    }

    /** Whether the phrase (any case, words separated by single spaces) is a known city, town or county. */
    public boolean isPlace(String phrase) {
        return places.contains(normalizePlace(phrase));
    }

    /** Number of words in the longest place name. */
    public int longestPlace() {
        return longestPlace;
    }

    /** Given names, lower case, in file order (for surrogates). */
    public List<String> firstNames() {
        return firstNameList;
    }

    /** Surnames, lower case, in file order (for surrogates). */
    public List<String> surnames() {
        return surnameList;
    }

    /** Place names as written, in file order (for surrogates). */
    public List<String> places() {
        return placeList;
    }

    /** The word without diacritics ("peña" to "pena", "yılmaz" to "yilmaz"); ASCII words come back as they are. */
    static String fold(String word) {
        boolean ascii = true;
        for (int i = 0; i < word.length() && ascii; i++) {
            ascii = word.charAt(i) < 128;
        }
        if (ascii) {
            return word;
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (c) {
                case '\u0131' -> out.append('i');
                case '\u0142' -> out.append('l');
                case '\u00f8' -> out.append('o');
                case '\u00e6' -> out.append("ae");
                case '\u00df' -> out.append("ss");
                case '\u0111' -> out.append('d');
                case '\u2019' -> out.append('\'');
                default -> {
                    if (Character.getType(c) != Character.NON_SPACING_MARK) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String normalizePlace(String phrase) {
        StringBuilder out = new StringBuilder(phrase.length());
        boolean space = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(Character.toLowerCase(c));
        }
        String s = fold(out.toString());
        if (s.startsWith("saint ")) {
            s = "st " + s.substring(6);
        } else if (s.startsWith("st. ")) {
            s = "st " + s.substring(4);
        }
        return s;
    }

    private static List<String> read(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/enclave/deid/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    out.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource dev/enclave/deid/" + resource, e);
        }
        return List.copyOf(out);
    }
}
