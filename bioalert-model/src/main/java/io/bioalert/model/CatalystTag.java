package io.bioalert.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A dated regulatory or clinical milestone ahead of the announcement (taxonomy.md section 6).
 *
 * @param kind      PDUFA (target action date), ADCOM (advisory committee meeting), DECISION_EXPECTED (an agency
 *                  decision expected by a date) or READOUT (topline data expected)
 * @param date      the first day of the period the text names: the day itself, the month's first day, the
 *                  quarter's or half's first day, January 1 of a year
 * @param precision DAY, MONTH, QUARTER, HALF or YEAR: how much of the period after {@code date} the text leaves open
 * @param agency    the regulator (taxonomy agency id), null for a READOUT
 * @param drug      the announced drug it is about, as the classification names it; null when the story names none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalystTag(String kind, LocalDate date, String precision, String agency, String drug,
                          String evidence, Integer start, Integer end) {
}
