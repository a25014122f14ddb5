package dev.enclave.deid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shifts a written date by a number of days and writes it back in the same format: field order, separators,
 * zero padding, two- or four-digit year, month as number, abbreviation or full name in the same case, ordinal
 * suffixes and a weekday (recomputed). A time of day is kept as written. Dates without a year are shifted within
 * the leap year 2000; a bare day ("the 14th") moves within a 28-day cycle.
 */
final class DateShifter {

    private enum Kind { YEAR, MONTH_NUMBER, MONTH_NAME, DAY, WEEKDAY }

    private record Part(int start, int end, Kind kind, String written) {
    }

    private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,4})([-/.])(\\d{1,2})(?:\\2(\\d{2,4}))?(?!\\d)");
    private static final Pattern MONTH_YEAR_NUMERIC = Pattern.compile("^(\\d{1,2})/(\\d{4})(?!\\d)");
    private static final Pattern WORD_OR_NUMBER = Pattern.compile("(\\p{L}+)|(['\u2019]?)(\\d+)(st|nd|rd|th|ST|ND|RD|TH)?");
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday"};
    private static final int REFERENCE_YEAR = 2000;

    private DateShifter() {
    }

    /** The date shifted by {@code days}, or empty when it cannot be read as a date. */
    static Optional<String> shift(String written, int days) {
        List<Part> parts = parse(written);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Integer year = null;
        Integer month = null;
        Integer day = null;
        boolean twoDigitYear = false;
        for (Part p : parts) {
            switch (p.kind()) {
                case YEAR -> {
                    String digits = p.written().replaceAll("\\D", "");
                    twoDigitYear = digits.length() == 2;
                    int y = Integer.parseInt(digits);
                    year = twoDigitYear ? (y <= 40 ? 2000 + y : 1900 + y) : y;
                }
                case MONTH_NUMBER -> month = Integer.parseInt(p.written());
                case MONTH_NAME -> month = monthOf(p.written());
                case DAY -> day = Integer.parseInt(p.written().replaceAll("\\D", ""));
                default -> { }
            }
        }
        boolean padded = parts.stream().anyMatch(p -> p.kind() != Kind.YEAR && p.written().startsWith("0"));
        StringBuilder out = new StringBuilder(written);
        List<Part> rightToLeft = new ArrayList<>(parts);
        rightToLeft.sort(Comparator.comparingInt(Part::start).reversed());
        if (month == null && year == null && day != null) {
            int shifted = Math.floorMod(day - 1 + days, 28) + 1;
            for (Part p : rightToLeft) {
                out.replace(p.start(), p.end(), renderDay(p.written(), shifted, padded));
            }
            return Optional.of(out.toString());
        }
        if (month == null) {
            return Optional.empty();
        }
        LocalDate shifted;
        try {
            LocalDate original = LocalDate.of(year == null ? REFERENCE_YEAR : year, month, day == null ? 15 : day);
            shifted = original.plusDays(days);
            if (year == null && shifted.getYear() != REFERENCE_YEAR) {
                shifted = shifted.withYear(REFERENCE_YEAR);
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        for (Part p : rightToLeft) {
            String replacement = switch (p.kind()) {
                case YEAR -> renderYear(p.written(), shifted.getYear());
                case MONTH_NUMBER -> pad(shifted.getMonthValue(), padded);
                case MONTH_NAME -> renderName(p.written(), MONTHS[monthOf(p.written()) - 1],
                        MONTHS[shifted.getMonthValue() - 1]);
                case DAY -> renderDay(p.written(), shifted.getDayOfMonth(), padded);
                case WEEKDAY -> renderName(p.written(), WEEKDAYS[weekdayOf(p.written().toLowerCase(Locale.ROOT))],
                        shifted.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
            };
            out.replace(p.start(), p.end(), replacement);
        }
        return Optional.of(out.toString());
    }

    private static List<Part> parse(String s) {
        List<Part> parts = new ArrayList<>();
        Matcher numeric = NUMERIC.matcher(s);
        Matcher monthYear = MONTH_YEAR_NUMERIC.matcher(s);
        if (monthYear.find()) {
            parts.add(new Part(monthYear.start(1), monthYear.end(1), Kind.MONTH_NUMBER, monthYear.group(1)));
            parts.add(new Part(monthYear.start(2), monthYear.end(2), Kind.YEAR, monthYear.group(2)));
        } else if (numeric.find()) {
            if (numeric.group(1).length() == 4) {
                if (numeric.group(4) == null) {
                    return List.of();
                }
                parts.add(new Part(numeric.start(1), numeric.end(1), Kind.YEAR, numeric.group(1)));
                parts.add(new Part(numeric.start(3), numeric.end(3), Kind.MONTH_NUMBER, numeric.group(3)));
                parts.add(new Part(numeric.start(4), numeric.end(4), Kind.DAY, numeric.group(4)));
            } else {
                boolean dayFirst = Integer.parseInt(numeric.group(1)) > 12;
                parts.add(new Part(numeric.start(1), numeric.end(1), dayFirst ? Kind.DAY : Kind.MONTH_NUMBER,
                        numeric.group(1)));
                parts.add(new Part(numeric.start(3), numeric.end(3), dayFirst ? Kind.MONTH_NUMBER : Kind.DAY,
                        numeric.group(3)));
                if (numeric.group(4) != null) {
                    parts.add(new Part(numeric.start(4), numeric.end(4), Kind.YEAR, numeric.group(4)));
                }
            }
        } else {
            parseTextual(s, parts);
        }
        return parts;
    }

    private static void parseTextual(String s, List<Part> parts) {
        Matcher m = WORD_OR_NUMBER.matcher(s);
        boolean month = false;
        boolean day = false;
        boolean year = false;
        while (m.find()) {
            if (m.group(1) != null) {
                String lower = m.group(1).toLowerCase(Locale.ROOT);
                if (!month && monthOf(lower) != null) {
                    parts.add(new Part(m.start(1), m.end(1), Kind.MONTH_NAME, m.group(1)));
                    month = true;
                } else if (weekdayOf(lower) >= 0 && parts.stream().noneMatch(p -> p.kind() == Kind.WEEKDAY)) {
                    parts.add(new Part(m.start(1), m.end(1), Kind.WEEKDAY, m.group(1)));
                }
                continue;
            }
            boolean inTime = (m.start() > 0 && s.charAt(m.start() - 1) == ':')
                    || (m.end() < s.length() && s.charAt(m.end()) == ':');
            if (inTime) {
                break;
            }
            String digits = m.group(3);
            boolean apostrophe = !m.group(2).isEmpty();
            int value = Integer.parseInt(digits);
            if (!year && (digits.length() == 4 || apostrophe)) {
                parts.add(new Part(m.start(), m.end(), Kind.YEAR, m.group()));
                year = true;
            } else if (!day && value >= 1 && value <= 31 && digits.length() <= 2 && !apostrophe) {
                parts.add(new Part(m.start(), m.end(), Kind.DAY, m.group()));
                day = true;
            } else if (!year && day && month && digits.length() == 2) {
                parts.add(new Part(m.start(), m.end(), Kind.YEAR, m.group()));
                year = true;
            } else {
                break;
            }
        }
    }

    private static Integer monthOf(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace(".", "");
        if (lower.length() < 3) {
            return null;
        }
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(lower) && (lower.length() == 3 || lower.equals(MONTHS[i])
                    || lower.equals("sept"))) {
                return i + 1;
            }
        }
        return null;
    }

    private static int weekdayOf(String lower) {
        for (int i = 0; i < WEEKDAYS.length; i++) {
            if (lower.length() >= 3 && WEEKDAYS[i].startsWith(lower)) {
                return i;
            }
        }
        return -1;
    }

    private static String renderYear(String written, int year) {
        String prefix = written.startsWith("'") || written.startsWith("\u2019") ? written.substring(0, 1) : "";
        int digits = written.length() - prefix.length();
        String y = digits == 2 ? String.format("%02d", year % 100) : Integer.toString(year);
        return prefix + y;
    }

    private static String pad(int value, boolean padded) {
        return padded ? String.format("%02d", value) : Integer.toString(value);
    }

    private static String renderDay(String written, int value, boolean padded) {
        String digits = written.replaceAll("\\D", "");
        String suffix = written.substring(digits.length());
        String number = pad(value, padded);
        if (suffix.isEmpty()) {
            return number;
        }
        String ordinal = (value % 100 >= 11 && value % 100 <= 13) ? "th"
                : switch (value % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return number + (Character.isUpperCase(suffix.charAt(0)) ? ordinal.toUpperCase(Locale.ROOT) : ordinal);
    }

    /** {@code newFull} written like {@code written} (which spells {@code oldFull}): abbreviated or full, same case. */
    private static String renderName(String written, String oldFull, String newFull) {
        String name = written.length() < oldFull.length() ? newFull.substring(0, 3) : newFull;
        if (written.equals(written.toUpperCase(Locale.ROOT))) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(written.charAt(0))) {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        return name;
    }
}
