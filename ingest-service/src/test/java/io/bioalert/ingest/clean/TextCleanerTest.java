package io.bioalert.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    static final java.util.List<Fixtures.StoryFixture> STORIES = Fixtures.STORIES;

    @ParameterizedTest
    @FieldSource("STORIES")
    void pressPageTextLosesItsDebrisAndKeepsTheArticleAndDate(Fixtures.StoryFixture story) {
        CleanedText cleaned = TextCleaner.clean(Fixtures.text("stories/" + story.file()), null);

        assertThat(cleaned.publishedAt()).isEqualTo(LocalDate.parse(story.date()));
        assertThat(cleaned.body()).contains(story.bodyPhrase());
        String padded = "\n" + cleaned.body() + "\n";
        for (String debris : Fixtures.DEBRIS) {
            assertThat(padded).as("debris %s", debris.strip()).doesNotContain(debris);
        }
    }

    @Test
    void titleIsTheLineAboveTheDatelineEvenBehindSiteHeaderAndBreadcrumbs() {
        assertThat(TextCleaner.clean(Fixtures.text("stories/02-release-date.txt"), null).title())
                .isEqualTo("CORVANE PHARMA ANNOUNCES NMPA ACCEPTANCE OF NEW DRUG APPLICATION FOR ORAL GLP-1 AGONIST CV-3310");
        CleanedText breadcrumbed = TextCleaner.clean(Fixtures.text("stories/03-dateline-time.txt"), null);
        assertThat(breadcrumbed.title())
                .isEqualTo("Veltra Bio's trispecific antibody VB-118 gains U.S. FDA clearance for clinical trials");
        assertThat(breadcrumbed.body()).startsWith("On December 2, Veltra Bio announced");
    }

    @Test
    void storyWithoutHeaderKeepsItsFirstParagraphAndFindsTheDateInIt() {
        CleanedText cleaned = TextCleaner.clean(Fixtures.text("stories/04-promo-block.txt"), null);
        assertThat(cleaned.title()).isNull();
        assertThat(cleaned.body()).startsWith("On June 18, 2025 Quillon Biologics").contains("About QB-901");
    }

    @Test
    void leadParagraphAndSectionHeadingsSurvive() {
        CleanedText cleaned = TextCleaner.clean(Fixtures.text("stories/01-breakthrough.txt"), null);
        assertThat(cleaned.body()).startsWith("The FDA decision speeds up development")
                .endsWith("highlighting an urgent need for new treatment options.");
        assertThat(TextCleaner.clean(Fixtures.text("stories/02-release-date.txt"), null).body())
                .contains("\nAbout Corvane Pharma\n");
    }

    @Test
    void knownTitleRepeatedAtTheTopIsDropped() {
        CleanedText cleaned = TextCleaner.clean("Acme wins approval\n\nAcme said today it won approval.", "Acme wins approval");
        assertThat(cleaned.title()).isEqualTo("Acme wins approval");
        assertThat(cleaned.body()).isEqualTo("Acme said today it won approval.");
    }

    @Test
    void signUpMarkerFollowedByProseIsOnlyALine() {
        String prose = "After the meeting, the company said that it will discuss the design of the pivotal study with the agency. " + "The company will present full data at a medical meeting next year, "
                + "and expects to start a registrational study in the second half, subject to regulatory feedback.";
        CleanedText cleaned = TextCleaner.clean("First paragraph of the story.\nStay Connected\n" + prose, "T");
        assertThat(cleaned.body()).doesNotContain("Stay Connected").contains("registrational study");
    }
}
