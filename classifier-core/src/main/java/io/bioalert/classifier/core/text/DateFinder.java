package io.bioalert.classifier.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds written dates in a token stream: "December 23, 2025", "23 December 2025", "March 2021",
 * "in August", "04 Mar", "2025/05/01", "In 2019", and the Chinese "2025年7月8日", "7月8日", "2023年2月",
 * "2020年". Month names count only when capitalised, so that the verb "may" and the word "march" stay words.
 */
public final class DateFinder {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
    /** Words that make a lone month name a date: "in August", "this July", "since March". */
    private static final Set<String> MONTH_LEADS = Set.of("in", "since", "this", "last", "early", "late", "mid",
            "of", "until", "by", "on", "from", "during", "back", "before", "after", "and", "or", "to", "through");

    private DateFinder() {
    }

    public static List<DateMention> find(Tokens t) {
        List<DateMention> out = new ArrayList<>();
        int n = t.size();
        for (int i = 0; i < n; i++) {
            // a Chinese date starts with digits or a Chinese numeral: other tokens skip the attempt
            int chinese = t.type(i) == Tokens.NUMBER || t.ideograph(i) ? chinese(t, i, out) : i;
            if (chinese > i) {
                i = chinese - 1;
                continue;
            }
            int month = month(t, i);
            if (month > 0) {
                i = monthFirst(t, i, month, out);
                continue;
            }
            int day = number(t, i, 1, 31);
            if (day > 0 && i + 1 < n && (month = month(t, i + 1)) > 0) {
                int year = number(t, i + 2, 1990, 2039);
                out.add(new DateMention(i, year > 0 ? i + 3 : i + 2, Math.max(year, 0), month, day));
                i += year > 0 ? 2 : 1;
                continue;
            }
            int year = number(t, i, 1990, 2039);
            if (year > 0) {
                int j = t.isPunct(i + 1, '/') ? i + 2 : i + 1;
                int m = j < n && t.glued(j) ? number(t, j, 1, 12) : -1;
                int k = t.isPunct(j + 1, '/') ? j + 2 : j + 1;
                int d = m > 0 && k < n && t.glued(k) ? number(t, k, 1, 31) : -1;
                if (m > 0 && d > 0) {
                    out.add(new DateMention(i, k + 1, year, m, d));
                    i = k;
                } else if (i > 0 && (t.is(i - 1, "in") || t.is(i - 1, "since") || t.is(i - 1, "of") || t.is(i - 1, "during"))) {
                    out.add(new DateMention(i, i + 1, year, 0, 0));
                }
            }
        }
        return out;
    }

    /**
     * A Chinese date at token i: year 年, month 月 and day 日 (or 号), each optional after the first; a month
     * without a year takes it from the announcement. Returns the token after the date, or i when none.
     */
    private static int chinese(Tokens t, int i, List<DateMention> out) {
        int k = i;
        int[] year = chineseNumber(t, k, 1990, 2039);
        if (year[0] > 0 && t.is(k + year[1], "年")) {
            k += year[1] + 1;
        } else {
            year[0] = 0;
        }
        int[] month = chineseNumber(t, k, 1, 12);
        if (month[0] > 0 && t.is(k + month[1], "月")) {
            k += month[1] + 1;
        } else {
            month[0] = 0;
        }
        int[] day = month[0] > 0 ? chineseNumber(t, k, 1, 31) : new int[] {0, 0};
        if (day[0] > 0 && (t.is(k + day[1], "日") || t.is(k + day[1], "号"))) {
            k += day[1] + 1;
        } else {
            day[0] = 0;
        }
        return chineseDate(t, i, k, year[0], month[0], day[0], out);
    }

    private static int chineseDate(Tokens t, int i, int k, int year, int month, int day, List<DateMention> out) {
        if (year == 0 && month == 0) {
            return i;
        }
        out.add(new DateMention(i, k, year, month, day));
        return k;
    }

    private static final String CHINESE_DIGITS = "〇零一二三四五六七八九";

    /**
     * A number at token i written in digits ("2025") or in Chinese numerals as Hong Kong filings date them
     * ("二零二五", "十二", "三十一"), within [min, max]: {value, tokens}; {-1, 0} when there is none.
     */
    private static int[] chineseNumber(Tokens t, int i, int min, int max) {
        int v = number(t, i, min, max);
        if (v > 0) {
            return new int[] {v, 1};
        }
        int value = 0;
        int k = i;
        if (max > 100) { // a year: one numeral per digit
            while (k < t.size() && k - i < 4 && digit(t, k) >= 0) {
                value = value * 10 + digit(t, k++);
            }
            return k - i == 4 && value >= min && value <= max ? new int[] {value, 4} : new int[] {-1, 0};
        }
        int tens = 0;
        if (k < t.size() && digit(t, k) > 0 && t.is(k + 1, "十")) {
            tens = digit(t, k);
            k += 2;
        } else if (t.is(k, "十")) {
            tens = 1;
            k++;
        }
        int units = k < t.size() && digit(t, k) > 0 ? digit(t, k++) : 0;
        value = tens * 10 + units;
        return k > i && value >= min && value <= max ? new int[] {value, k - i} : new int[] {-1, 0};
    }

    private static int digit(Tokens t, int k) {
        String n = t.norm(k);
        int d = n.length() == 1 ? CHINESE_DIGITS.indexOf(n.charAt(0)) : -1;
        return d < 0 ? -1 : Math.max(0, d - 1);
    }

    private static int monthFirst(Tokens t, int i, int month, List<DateMention> out) {
        int day = number(t, i + 1, 1, 31);
        if (day > 0) {
            int y = i + 2;
            if (t.isPunct(y, ',')) {
                y++;
            }
            int year = number(t, y, 1990, 2039);
            if (year > 0) {
                out.add(new DateMention(i, y + 1, year, month, day));
                return y;
            }
            out.add(new DateMention(i, i + 2, 0, month, day));
            return i + 1;
        }
        int year = number(t, i + 1, 1990, 2039);
        if (year > 0) {
            out.add(new DateMention(i, i + 2, year, month, 0));
            return i + 1;
        }
        if (i > 0 && MONTH_LEADS.contains(t.norm(i - 1)) && !t.is(i, "may")) {
            out.add(new DateMention(i, i + 1, 0, month, 0));
        } else if (i > 0 && t.is(i, "may") && (t.is(i - 1, "in") || t.is(i - 1, "since") || t.is(i - 1, "early")
                || t.is(i - 1, "late") || t.is(i - 1, "this") || t.is(i - 1, "last"))) {
            out.add(new DateMention(i, i + 1, 0, month, 0));
        }
        return i;
    }

    private static int month(Tokens t, int i) {
        if (i >= t.size() || t.type(i) != Tokens.WORD) {
            return 0;
        }
        int len = t.end(i) - t.start(i);
        char c = t.text().charAt(t.start(i));
        if (len < 3 || len > 9 || "JFMASOND".indexOf(c) < 0) {
            return 0; // cheap test first: month names are capitalised, 3-9 letters
        }
        Integer m = MONTHS.get(t.norm(i));
        return m == null ? 0 : m;
    }

    private static int number(Tokens t, int i, int min, int max) {
        if (i >= t.size() || t.type(i) != Tokens.NUMBER) {
            return -1;
        }
        String s = t.norm(i);
        if (s.length() > 4) {
            return -1;
        }
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            return -1;
        }
        // a decimal "2.5" is not a date part; "17th" is (its suffix is a separate word token)
        if (i + 1 < t.size() && t.glued(i + 1) && t.type(i + 1) == Tokens.NUMBER && t.text().charAt(t.end(i)) == '.') {
            return -1;
        }
        return v;
    }
}
