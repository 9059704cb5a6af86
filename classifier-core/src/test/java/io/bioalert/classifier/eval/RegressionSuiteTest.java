package io.bioalert.classifier.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.classifier.cli.ClassifyCli;
import io.bioalert.classifier.cli.ClassifyEvalCli;
import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.model.Classification;
import io.bioalert.model.TargetDictionary;
import io.bioalert.model.TargetTag;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled regression set of the rules: {@code src/test/resources/regression}, invented announcements
 * written for this project, at least one per rule and per kind of error seen on unseen news (each gold line's
 * "notes" says which). A rule change that breaks another fixture fails here, with the error and its evidence
 * in the message, as {@code bin/classify-eval} prints them.
 */
class RegressionSuiteTest {
    /** Per-dimension F1 floors. Every fixture passes today; lower a floor only with a reason in the commit. */
    private static final Map<Dimension, Double> FLOORS = Map.of(
            Dimension.TARGETS, 1.0,
            Dimension.MODALITIES, 1.0,
            Dimension.EVENTS_PRIMARY, 1.0,
            Dimension.EVENTS_ALL, 0.95,
            Dimension.DRUGS, 1.0);

    private static final ClassifyCli CLI = new ClassifyCli(AnnouncementClassifier.fromResources());
    private static Path dir;

    @BeforeAll
    static void locate() throws URISyntaxException {
        dir = Path.of(RegressionSuiteTest.class.getResource("/regression/gold.jsonl").toURI()).getParent();
    }

    @Test
    void everyDimensionStaysAtItsFloor() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Scorecard card = ClassifyEvalCli.evaluate(CLI, dir.resolve("gold.jsonl"), dir.resolve("announcements.jsonl"),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        String report = errors.toString(StandardCharsets.UTF_8) + card.table();
        for (Map.Entry<Dimension, Double> floor : FLOORS.entrySet()) {
            assertThat(card.f1(floor.getKey())).as(floor.getKey().label + "\n" + report)
                    .isGreaterThanOrEqualTo(floor.getValue());
        }
    }

    @Test
    void everyEmittedTargetIdIsInTheTargetDictionary() throws Exception {
        Set<String> ids = TargetDictionary.displayNames().keySet();
        ObjectMapper json = new ObjectMapper();
        int tagged = 0;
        for (String line : Files.readAllLines(dir.resolve("announcements.jsonl"), StandardCharsets.UTF_8)) {
            Classification c = CLI.classify(line);
            for (TargetTag t : c.targets()) {
                assertThat(ids).as("target of %s", json.readTree(line).path("id").asText()).contains(t.id());
                tagged++;
            }
        }
        assertThat(tagged).as("the fixtures tag targets at all").isGreaterThan(20);
    }

    @Test
    void theScorecardCountsAsTheSharedScoringScriptDoes() {
        Scorecard card = new Scorecard();
        ObjectMapper json = new ObjectMapper();
        Labels gold = Labels.fromGold(json.valueToTree(Map.of("targets", java.util.List.of("ERBB2", "IL2"),
                "targets_ok", java.util.List.of("TACSTD2"), "drugs", java.util.List.of("DS-8201", "T-DXd"))));
        Classification predicted = new Classification("x",
                java.util.List.of(new TargetTag("ERBB2", "HER2", "", 0, 0), new TargetTag("IL2RA", "IL-2Rα", "", 0, 0),
                        new TargetTag("TACSTD2", "TROP2", "", 0, 0), new TargetTag("EGFR", "EGFR", "", 0, 0)),
                null, null, java.util.List.of("ds8201", "Kadcyla"), null, null, null, null);
        card.add("x", gold, Labels.fromPrediction(predicted));
        // IL2 scores as IL2RA; TACSTD2 is neutral (targets_ok); EGFR is the one false positive
        assertThat(card.precision(Dimension.TARGETS)).isEqualTo(2.0 / 3);
        assertThat(card.recall(Dimension.TARGETS)).isEqualTo(1.0);
        // one gold alias found is the document's hit; every other predicted name is a false positive
        assertThat(card.recall(Dimension.DRUGS)).isEqualTo(1.0);
        assertThat(card.precision(Dimension.DRUGS)).isEqualTo(0.5);
    }
}
