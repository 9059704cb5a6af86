package io.bioalert.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateExtractorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "23 December 2025 | Tuesday | News   ~ 2025-12-23",
        "Release Date:2025/05/01             ~ 2025-05-01",
        "Dec 15, 2025 14:19 CST Updated Dec 17, 09:14 ~ 2025-12-15",
        "On June 4, 2025 Innovent reported   ~ 2025-06-04",
        "On May 1,2025,Hansoh announces      ~ 2025-05-01",
        "JUN 4, 2025                          ~ 2025-06-04",
        "Published 2024-02-29T10:00:00Z      ~ 2024-02-29",
        "Sept. 3rd, 2024                      ~ 2024-09-03",
        "1st March 2023                       ~ 2023-03-01"})
    void findsTheDateInTheFormsPressPagesUse(String text, LocalDate expected) {
        assertThat(DateExtractor.first(text).date()).isEqualTo(expected);
    }

    @Test
    void earliestDateWins() {
        assertThat(DateExtractor.first("On March 3, 2025 the company, founded 2001-01-01, said").date())
                .isEqualTo(LocalDate.of(2025, 3, 3));
    }

    @Test
    void impossibleOrFutureDatesAndBareNumbersAreNotDates() {
        assertThat(DateExtractor.first("Version 2025/13/45 of the protocol")).isNull();
        assertThat(DateExtractor.first("Study NCT05494918 enrolled 2025 patients")).isNull();
        assertThat(DateExtractor.first("Updated Dec 17, 09:14")).isNull();
        assertThat(DateExtractor.first("Topline data expected June 1, 2099")).isNull();
    }

    @Test
    void metaValuesInIsoAndRfcForms() {
        assertThat(DateExtractor.parseLoose("2025-12-15T23:30:00-05:00")).isEqualTo(LocalDate.of(2025, 12, 16));
        assertThat(DateExtractor.parseLoose("Mon, 15 Dec 2025 14:19:00 GMT")).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(DateExtractor.parseLoose("2025-12-15")).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(DateExtractor.parseLoose("soon")).isNull();
    }
}
