package io.bioalert.ingest.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds publication dates the way press pages write them: "23 December 2025", "Release Date:2025/05/01",
 * "Dec 15, 2025 14:19 CST", "On June 4, 2025", "On May 1,2025", ISO timestamps in meta tags, and the
 * Chinese forms "2025年7月8日", "2025-07-08", "2025/7/8" and "7月8日" (in the year of the fetch, or the year
 * before when that would put it in the future: a post of 12月30日 read on 1月2日).
 */
public final class DateExtractor {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+((?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,\\s*((?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final Pattern CHINESE_MONTH_DAY = Pattern.compile(
            "(?<![\\d年])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final List<Pattern> PATTERNS = List.of(NUMERIC, CHINESE, DAY_MONTH_YEAR, MONTH_DAY_YEAR,
            CHINESE_MONTH_DAY);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final List<DateTimeFormatter> META_FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME, DateTimeFormatter.ISO_ZONED_DATE_TIME);

    /** A date found in text: where it starts and ends, so a caller can tell a date line from prose. */
    public record Found(LocalDate date, int start, int end) {
    }

    private DateExtractor() {
    }

    /** The earliest plausible date in {@code text}, or null; read today (UTC), which dates "7月8日". */
    public static Found first(String text) {
        return first(text, LocalDate.now(ZoneOffset.UTC));
    }

    /** The earliest plausible date in {@code text} as read on {@code today}, or null. */
    public static Found first(String text, LocalDate today) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Found best = null;
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                LocalDate date = toDate(p, m, today);
                if (date != null) {
                    if (best == null || m.start() < best.start()) {
                        best = new Found(date, m.start(), m.end());
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** A date from a meta tag or feed field: ISO date or timestamp, RFC 1123, or any of the text forms. */
    public static LocalDate parseLoose(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // not an offset timestamp; try the other forms
        }
        for (DateTimeFormatter f : META_FORMATS) {
            try {
                return ZonedDateTime.parse(v, f).toLocalDate();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        Found found = first(v);
        return found == null ? null : found.date();
    }

    private static LocalDate toDate(Pattern p, Matcher m, LocalDate today) {
        try {
            int year;
            int month;
            int day;
            if (p == CHINESE_MONTH_DAY) {
                LocalDate date = LocalDate.of(today.getYear(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return date.isAfter(today.plusDays(2)) ? date.minusYears(1) : date;
            }
            if (p == NUMERIC || p == CHINESE) {
                year = Integer.parseInt(m.group(1));
                month = Integer.parseInt(m.group(2));
                day = Integer.parseInt(m.group(3));
            } else if (p == DAY_MONTH_YEAR) {
                day = Integer.parseInt(m.group(1));
                month = month(m.group(2));
                year = Integer.parseInt(m.group(3));
            } else {
                month = month(m.group(1));
                day = Integer.parseInt(m.group(2));
                year = Integer.parseInt(m.group(3));
            }
            LocalDate date = LocalDate.of(year, month, day);
            // A date far in the future is a typo or a deadline, not a publication date.
            return date.isAfter(today.plusDays(2)) ? null : date;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT).substring(0, 3));
    }
}
