package io.bioalert.classifier.core.catalyst;

import java.time.LocalDate;

/**
 * A span of time as a story writes it: its first day and how far it reaches (DAY, MONTH, QUARTER, HALF, YEAR),
 * with where it stands in the text.
 */
record Period(LocalDate first, String precision, int start, int end) {

    /** The day after the period: a period that ends on or before the announcement's day is history. */
    LocalDate after() {
        return switch (precision) {
            case "DAY" -> first.plusDays(1);
            case "MONTH" -> first.plusMonths(1);
            case "QUARTER" -> first.plusMonths(3);
            case "HALF" -> first.plusMonths(6);
            default -> first.plusYears(1);
        };
    }
}
