package dev.enclave.sample;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Expands sentence templates. {@code [a|b|c]} picks one alternative (alternatives may hold slots but no brackets),
 * {@code {#lo-hi}} writes a number in that range with the decimals of {@code lo}, and {@code {key}} asks the
 * {@link Slots} to write the value named {@code key}.
 */
final class Template {
    /** Writes the value of a named slot, plain or PHI. */
    @FunctionalInterface
    interface Slots {
        void write(String key, TextBuilder out);
    }

    private Template() {
    }

    static void expand(String template, Draw draw, Slots slots, TextBuilder out) {
        String chosen = chooseAlternatives(template, draw);
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < chosen.length()) {
            char c = chosen.charAt(i);
            if (c != '{') {
                plain.append(c);
                i++;
                continue;
            }
            int close = chosen.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' at " + i + " in template: " + template);
            }
            out.text(plain.toString());
            plain.setLength(0);
            String key = chosen.substring(i + 1, close);
            if (key.startsWith("#")) {
                out.text(number(key.substring(1), draw, template));
            } else {
                slots.write(key, out);
            }
            i = close + 1;
        }
        out.text(plain.toString());
    }

    /**
     * Writes slot {@code key} with its first letter lower-cased, then upper-cases the first letter of what was
     * written: "{Cc}" starts a sentence with the value of "{cc}".
     */
    static void capitalised(String key, Slots slots, TextBuilder out) {
        TextBuilder part = new TextBuilder();
        slots.write(Character.toLowerCase(key.charAt(0)) + key.substring(1), part);
        boolean[] first = {true};
        out.append(part.build(), text -> {
            if (first[0] && !text.isEmpty()) {
                first[0] = false;
                return capitalise(text);
            }
            return text;
        });
    }

    /** The text with its first letter in upper case. */
    static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String chooseAlternatives(String template, Draw draw) {
        int open = template.indexOf('[');
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length());
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf(']', open);
            int nested = template.indexOf('[', open + 1);
            if (close < 0 || (nested >= 0 && nested < close)) {
                throw new IllegalArgumentException("unbalanced '[' at " + open + " in template: " + template);
            }
            out.append(template, from, open);
            String[] alternatives = template.substring(open + 1, close).split("\\|", -1);
            out.append(alternatives[draw.between(0, alternatives.length - 1)]);
            from = close + 1;
            open = template.indexOf('[', from);
        }
        return out.append(template.substring(from)).toString();
    }

    private static String number(String range, Draw draw, String template) {
        int dash = range.indexOf('-', 1);
        if (dash < 0) {
            throw new IllegalArgumentException("number range needs lo-hi: {#" + range + "} in template: " + template);
        }
        BigDecimal low = new BigDecimal(range.substring(0, dash));
        BigDecimal high = new BigDecimal(range.substring(dash + 1));
        int scale = Math.max(low.scale(), 0);
        long value = draw.between(low.movePointRight(scale).longValueExact(),
                high.setScale(scale).movePointRight(scale).longValueExact());
        return BigDecimal.valueOf(value, scale).toPlainString();
    }
}
