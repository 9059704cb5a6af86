package io.bioalert.classifier.core.catalyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.model.CatalystTag;
import io.bioalert.model.Classification;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalyst corpus ({@code src/test/resources/catalysts/sentences.jsonl}: invented English and Chinese
 * sentences covering every kind and precision, past dates, other drugs' dates and dated plans) scored on
 * (kind, date, precision, agency): precision must stay at or above 0.95 and recall at or above 0.90. The
 * corpus itself must keep at least 30 English and 10 Chinese sentences, every kind and every precision
 * among its expectations, and sentences that must give nothing.
 */
class CatalystExtractionTest {
    private static final AnnouncementClassifier CLASSIFIER = AnnouncementClassifier.fromResources();

    @Test
    void theCorpusExtractsWithHighPrecisionAndRecall() throws Exception {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int sentences = 0;
        int chinese = 0;
        int expectNothing = 0;
        Set<String> kinds = new HashSet<>();
        Set<String> precisions = new HashSet<>();
        StringBuilder errors = new StringBuilder();
        try (InputStream in = getClass().getResourceAsStream("/catalysts/sentences.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                sentences++;
                JsonNode row = new ObjectMapper().readTree(line);
                if (row.path("body").asText().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                    chinese++;
                }
                if (row.path("expected").isEmpty()) {
                    expectNothing++;
                }
                row.path("expected").forEach(e -> {
                    kinds.add(e.path("kind").asText());
                    precisions.add(e.path("precision").asText());
                });
                Set<String> expected = new HashSet<>();
                row.path("expected").forEach(e -> expected.add(key(e.path("kind").asText(), e.path("date").asText(),
                        e.path("precision").asText(), e.path("agency").isNull() ? null : e.path("agency").asText())));
                Classification c = CLASSIFIER.classify(row.path("id").asText(),
                        row.path("title").isNull() ? null : row.path("title").asText(null), row.path("body").asText(),
                        LocalDate.parse(row.path("publishedAt").asText()));
                Set<String> found = new HashSet<>();
                for (CatalystTag t : c.catalysts()) {
                    found.add(key(t.kind(), t.date().toString(), t.precision(), t.agency()));
                }
                for (String f : found) {
                    if (expected.contains(f)) {
                        tp++;
                    } else {
                        fp++;
                        errors.append(row.path("id").asText()).append(" extra ").append(f).append('\n');
                    }
                }
                for (String e : expected) {
                    if (!found.contains(e)) {
                        fn++;
                        errors.append(row.path("id").asText()).append(" missing ").append(e).append(" (found ")
                                .append(found).append(")\n");
                    }
                }
            }
        }
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        String report = String.format("%d sentences (%d English, %d Chinese): P %.3f R %.3f%n%s", sentences,
                sentences - chinese, chinese, precision, recall, errors);
        System.out.print(report);
        assertThat(sentences - chinese).as("English sentences").isGreaterThanOrEqualTo(30);
        assertThat(chinese).as("Chinese sentences").isGreaterThanOrEqualTo(10);
        assertThat(expectNothing).as("sentences that must give no catalyst").isGreaterThanOrEqualTo(8);
        assertThat(kinds).containsExactlyInAnyOrder("PDUFA", "ADCOM", "DECISION_EXPECTED", "READOUT");
        assertThat(precisions).containsExactlyInAnyOrder("DAY", "MONTH", "QUARTER", "HALF", "YEAR");
        assertThat(precision).as(report).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as(report).isGreaterThanOrEqualTo(0.90);
    }

    private static String key(String kind, String date, String precision, String agency) {
        return kind + " " + date + " " + precision + " " + agency;
    }
}
