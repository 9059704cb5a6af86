package io.bioalert.classifier.core.catalyst;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the periods a sentence names, English and Chinese: "March 15, 2026", "15 March 2026", "March 2026",
 * "Q3 2026", "the third quarter of 2026", "the second half of 2026", "1H 2027", "mid-2026", "by year-end",
 * "early 2027", "2026年3月15日", "2026年第三季度", "2026年下半年", "2026年底", "2026年". A period without its year
 * ("by year-end", "in the fourth quarter") takes the year of the announcement.
 */
final class PeriodParser {
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final String ORDINAL = "(first|second|third|fourth|1st|2nd|3rd|4th)";

    private static final Pattern DAY_MDY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+" + YEAR);
    private static final Pattern DAY_DMY = Pattern.compile("\\b(\\d{1,2})\\s+" + MONTH + ",?\\s+" + YEAR);
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR);
    private static final Pattern QUARTER = Pattern.compile(
            "\\b(?:q([1-4])|([1-4])q)\\s*'?" + YEAR + "|\\b" + ORDINAL + "[- ]quarter(?:\\s+of)?(?:\\s+" + YEAR + ")?");
    private static final Pattern HALF = Pattern.compile(
            "\\b(?:(?:h([12])|([12])h)\\s*'?" + YEAR + ")|\\b(first|second|1st|2nd)[- ]half(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:year\\s+)?" + YEAR + ")?"
                    + "|\\b(early|late)[- ]" + YEAR);
    private static final Pattern MID = Pattern.compile("\\bmid[- ]" + YEAR);
    private static final Pattern YEAR_END = Pattern.compile(
            "\\b(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+year|" + YEAR + ")|year[- ]end(?:\\s+" + YEAR + ")?)");
    private static final Pattern BARE_YEAR = Pattern.compile("\\b(?:in|by|during|for|within)\\s+" + YEAR + "\\b");

    private static final Pattern ZH_DAY = Pattern.compile(YEAR + "年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern ZH_MONTH = Pattern.compile(YEAR + "年(\\d{1,2})月(?!\\d{1,2}日)");
    private static final Pattern ZH_QUARTER = Pattern.compile(YEAR + "年第?([一二三四1-4])季度");
    private static final Pattern ZH_HALF = Pattern.compile(YEAR + "年([上下])半年");
    private static final Pattern ZH_YEAR_END = Pattern.compile(YEAR + "年(?:底|末|年底|年末)");
    private static final Pattern ZH_YEAR = Pattern.compile(YEAR + "年(?![\\d上下第底末])");

    private static final Map<String, Integer> ZH_NUMBERS = Map.of("一", 1, "二", 2, "三", 3, "四", 4, "1", 1, "2", 2,
            "3", 3, "4", 4);

    private PeriodParser() {
    }

    /** Every period in {@code text} (a sentence), most precise first where two overlap. */
    static List<Period> find(String text, int offset, int defaultYear) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Period> out = new ArrayList<>();
        for (Matcher m = DAY_MDY.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(3)), month(m.group(1)), num(m.group(2))), "DAY", m, offset);
        }
        for (Matcher m = DAY_DMY.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(3)), month(m.group(2)), num(m.group(1))), "DAY", m, offset);
        }
        for (Matcher m = ZH_DAY.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(1)), num(m.group(2)), num(m.group(3))), "DAY", m, offset);
        }
        for (Matcher m = MONTH_YEAR.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(2)), month(m.group(1)), 1), "MONTH", m, offset);
        }
        for (Matcher m = ZH_MONTH.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(1)), num(m.group(2)), 1), "MONTH", m, offset);
        }
        for (Matcher m = QUARTER.matcher(lower); m.find(); ) {
            int q = m.group(1) != null ? num(m.group(1)) : m.group(2) != null ? num(m.group(2)) : ordinal(m.group(4));
            int y = m.group(3) != null ? num(m.group(3)) : m.group(5) != null ? num(m.group(5)) : defaultYear;
            add(out, day(y, 3 * q - 2, 1), "QUARTER", m, offset);
        }
        for (Matcher m = ZH_QUARTER.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(1)), 3 * ZH_NUMBERS.get(m.group(2)) - 2, 1), "QUARTER", m, offset);
        }
        for (Matcher m = HALF.matcher(lower); m.find(); ) {
            int half;
            int y;
            if (m.group(3) != null) {
                half = num(m.group(1) != null ? m.group(1) : m.group(2));
                y = num(m.group(3));
            } else if (m.group(4) != null) {
                half = ordinal(m.group(4));
                y = m.group(5) != null ? num(m.group(5)) : defaultYear;
            } else {
                half = m.group(6).equals("early") ? 1 : 2;
                y = num(m.group(7));
            }
            add(out, day(y, half == 1 ? 1 : 7, 1), "HALF", m, offset);
        }
        for (Matcher m = ZH_HALF.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(1)), m.group(2).equals("上") ? 1 : 7, 1), "HALF", m, offset);
        }
        for (Matcher m = MID.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(1)), 6, 1), "QUARTER", m, offset); // "mid-2026": about June to August
        }
        for (Matcher m = YEAR_END.matcher(lower); m.find(); ) {
            String y = m.group(1) != null ? m.group(1) : m.group(2);
            add(out, day(y != null ? num(y) : defaultYear, 10, 1), "QUARTER", m, offset);
        }
        for (Matcher m = ZH_YEAR_END.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(1)), 10, 1), "QUARTER", m, offset);
        }
        for (Matcher m = BARE_YEAR.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(1)), 1, 1), "YEAR", m.start(1), m.end(1), offset);
        }
        for (Matcher m = ZH_YEAR.matcher(lower); m.find(); ) {
            add(out, day(num(m.group(1)), 1, 1), "YEAR", m, offset);
        }
        return dropInner(out);
    }

    /** "March 15, 2026" also reads as "March 2026" and "in 2026": keep the widest match, the most precise. */
    private static List<Period> dropInner(List<Period> ps) {
        List<Period> out = new ArrayList<>();
        for (Period p : ps) {
            boolean inner = ps.stream().anyMatch(o -> o != p && o.start() <= p.start() && o.end() >= p.end()
                    && (o.end() - o.start() > p.end() - p.start() || ps.indexOf(o) < ps.indexOf(p)));
            if (!inner) {
                out.add(p);
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static void add(List<Period> out, LocalDate d, String precision, Matcher m, int offset) {
        add(out, d, precision, m.start(), m.end(), offset);
    }

    private static void add(List<Period> out, LocalDate d, String precision, int s, int e, int offset) {
        if (d != null) {
            out.add(new Period(d, precision, offset + s, offset + e));
        }
    }

    private static LocalDate day(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null; // "February 30": not a date
        }
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }

    private static int ordinal(String s) {
        return switch (s.charAt(0)) {
            case 'f' -> s.startsWith("fi") ? 1 : 4;
            case 's' -> 2;
            case 't' -> 3;
            default -> s.charAt(0) - '0';
        };
    }

    private static int month(String s) {
        return switch (s.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
