package io.bioalert.classifier.core.text;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date written in the text, as precise as it was written: year, month and day are 0 when absent.
 *
 * @param from first token
 * @param to   one past the last token
 */
public record DateMention(int from, int to, int year, int month, int day) {

    public boolean hasDay() {
        return day > 0 && month > 0;
    }

    /**
     * True when the date lies clearly before the reference: more than {@code slackDays} before it, comparing
     * the end of the written period ("March 2021" ends on 31 March). A missing year is taken from the
     * reference, or the year before when that would put the date in the future.
     */
    public boolean before(LocalDate ref, int slackDays) {
        if (month == 0 && year == 0) {
            return false;
        }
        int y = year;
        if (y == 0) {
            y = ref.getYear();
            if (month > ref.getMonthValue() || (month == ref.getMonthValue() && day > ref.getDayOfMonth() + slackDays)) {
                y--;
            }
        }
        LocalDate end;
        if (month == 0) {
            end = LocalDate.of(y, 12, 31);
        } else if (day == 0) {
            end = YearMonth.of(y, month).atEndOfMonth();
        } else {
            end = LocalDate.of(y, month, Math.min(day, YearMonth.of(y, month).lengthOfMonth()));
        }
        return end.isBefore(ref.minusDays(slackDays));
    }
}
