package io.bioalert.notify.calendar;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

/**
 * The period a catalyst's date stands for (taxonomy.md section 6): its first day, as on the wire, and how far it
 * reaches. A calendar shows a catalyst on the first day (the earliest the event may come, so a reminder "7 days
 * before" is never late) and names the period beside it ("Q3 2027").
 */
public final class CatalystPeriod {

    public static final Set<String> PRECISIONS = Set.of("DAY", "MONTH", "QUARTER", "HALF", "YEAR");

    private CatalystPeriod() {
    }

    /** The period's last day. */
    public static LocalDate end(LocalDate first, String precision) {
        return switch (precision) {
            case "DAY" -> first;
            case "MONTH" -> first.plusMonths(1).minusDays(1);
            case "QUARTER" -> first.plusMonths(3).minusDays(1);
            case "HALF" -> first.plusMonths(6).minusDays(1);
            default -> first.plusYears(1).minusDays(1);
        };
    }

    /** How many months the period spans; a day counts as none. */
    static int months(String precision) {
        return switch (precision) {
            case "DAY" -> 0;
            case "MONTH" -> 1;
            case "QUARTER" -> 3;
            case "HALF" -> 6;
            default -> 12;
        };
    }

    /** "2027-09-12", "July 2027", "Q3 2027", "Jun–Aug 2027" (mid-year), "H2 2027", "2027". */
    public static String label(LocalDate first, String precision) {
        int month = first.getMonthValue();
        int year = first.getYear();
        return switch (precision) {
            case "DAY" -> first.toString();
            case "MONTH" -> name(month) + " " + year;
            case "QUARTER" -> (month - 1) % 3 == 0 ? "Q" + ((month + 2) / 3) + " " + year
                    : shortName(month) + "–" + shortName(first.plusMonths(2).getMonthValue()) + " " + year;
            case "HALF" -> month == 1 ? "H1 " + year : month == 7 ? "H2 " + year
                    : shortName(month) + "–" + shortName(first.plusMonths(5).getMonthValue()) + " " + first.plusMonths(5).getYear();
            default -> String.valueOf(year);
        };
    }

    /** Whether the period of ({@code first}, {@code precision}) holds all of the other one. */
    static boolean contains(LocalDate first, String precision, LocalDate otherFirst, String otherPrecision) {
        return !otherFirst.isBefore(first) && !end(otherFirst, otherPrecision).isAfter(end(first, precision));
    }

    private static String name(int month) {
        return java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String shortName(int month) {
        return java.time.Month.of(month).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
