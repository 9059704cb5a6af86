package io.bioalert.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.clean.TextCleaner;
import io.bioalert.ingest.dedup.Fingerprint;
import io.bioalert.ingest.store.KnownStories.Candidate;
import io.bioalert.ingest.support.Fixtures;
import io.bioalert.model.RawAnnouncement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The batch's decisions in memory: the same rules as one story at a time, applied within the batch too. */
class BatchPlanTest {

    private static final String BREAKTHROUGH = body("stories/01-breakthrough.txt");
    private static final String GLP1 = body("stories/02-release-date.txt");
    private static final String TRISPECIFIC = body("stories/03-dateline-time.txt");
    /** Another outlet's edit of the breakthrough story: new dateline, a verb changed, a credit line. */
    private static final String BREAKTHROUGH_COPY = "OSLO (Wire) -- " + BREAKTHROUGH.replace("announced that", "said on Wednesday that")
            + "\nSource: Nordlys Therapeutics press release.";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static String body(String fixture) {
        return TextCleaner.clean(Fixtures.text(fixture), null).body();
    }

    private static PreparedStory story(String body, String url, String source) {
        return PreparedStory.of(new Story("A title", body, url, null, source));
    }

    @Test
    void theSameUrlTwiceInOneBatchIsOneAnnouncement() {
        PreparedStory first = story(BREAKTHROUGH, "https://news.example.org/a?utm_source=x", "wire");
        PreparedStory again = story(GLP1, "https://NEWS.example.org/a#top", "other");
        BatchPlan plan = BatchPlan.of(List.of(first, again), KnownStories.none());

        assertThat(plan.results()).containsExactly(new IngestResult(first.id(), false), new IngestResult(first.id(), true));
        assertThat(plan.created()).containsExactly(first);
        assertThat(plan.urlRows()).containsExactly(new BatchPlan.UrlRow("https://news.example.org/a", first.id(), "wire"));
    }

    @Test
    void theSameTextTwiceWithoutUrlIsOneAnnouncement() {
        PreparedStory first = story(GLP1, null, "push");
        PreparedStory again = story(GLP1.replace("\n", "  "), null, "push");
        BatchPlan plan = BatchPlan.of(List.of(first, again), KnownStories.none());

        assertThat(plan.results()).extracting(IngestResult::duplicate).containsExactly(false, true);
        assertThat(plan.results()).extracting(IngestResult::id).containsOnly(first.id());
        assertThat(plan.created()).hasSize(1);
        assertThat(plan.urlRows()).isEmpty();
    }

    @Test
    void copiesLaterInTheBatchAddTheirUrlsToTheFirstAndArePublishedWithIt() {
        PreparedStory original = story(BREAKTHROUGH, "https://nordlys.example.com/news/1", "nordlys");
        PreparedStory sameWords = story(BREAKTHROUGH.toUpperCase(), "https://mirror.example.net/1", "mirror");
        PreparedStory other = story(TRISPECIFIC, "https://other.example.org/9", "other");
        PreparedStory nearCopy = story(BREAKTHROUGH_COPY, "https://wire.example.com/oslo/1", "wire");
        BatchPlan plan = BatchPlan.of(List.of(original, sameWords, other, nearCopy), KnownStories.none());

        assertThat(plan.results()).containsExactly(new IngestResult(original.id(), false),
                new IngestResult(original.id(), true), new IngestResult(other.id(), false),
                new IngestResult(original.id(), true));
        assertThat(plan.created()).containsExactly(original, other);
        assertThat(plan.urlRows()).extracting(BatchPlan.UrlRow::announcementId)
                .containsExactly(original.id(), original.id(), other.id(), original.id());
        RawAnnouncement published = plan.published(NOW).get(0);
        assertThat(published.id()).isEqualTo(original.id());
        assertThat(published.urls()).containsExactly("https://nordlys.example.com/news/1", "https://mirror.example.net/1",
                "https://wire.example.com/oslo/1");
        assertThat(published.ingestedAt()).isEqualTo(NOW);
        assertThat(plan.published(NOW).get(1).urls()).containsExactly("https://other.example.org/9");
    }

    @Test
    void whatTheDatabaseKnowsComesFirstAndIsNeverStoredAgain() {
        PreparedStory knownUrl = story(TRISPECIFIC, "https://seen.example.org/1", "feed");
        PreparedStory knownId = story(GLP1, "https://stored.example.org/2", "feed");
        PreparedStory copyOfStored = story(BREAKTHROUGH_COPY, "https://wire.example.com/oslo/2", "wire");
        Fingerprint stored = Fingerprint.of(BREAKTHROUGH);
        KnownStories known = KnownStories.of(Map.of("https://seen.example.org/1", "u-owner"), Set.of(knownId.id()),
                List.of(new Candidate("u-stored", stored.contentHash(), stored.minhash(), stored.tokens())));
        BatchPlan plan = BatchPlan.of(List.of(knownUrl, knownId, copyOfStored), known);

        assertThat(plan.results()).containsExactly(new IngestResult("u-owner", true), new IngestResult(knownId.id(), true),
                new IngestResult("u-stored", true));
        assertThat(plan.created()).isEmpty();
        // The copy's URL (and the known id's new URL) are recorded on the stored announcements; nothing is published.
        assertThat(plan.urlRows()).containsExactly(
                new BatchPlan.UrlRow("https://stored.example.org/2", knownId.id(), "feed"),
                new BatchPlan.UrlRow("https://wire.example.com/oslo/2", "u-stored", "wire"));
        assertThat(plan.published(NOW)).isEmpty();
    }

    @Test
    void shortTextsAreComparedOnlyExactlyWithinTheBatchToo() {
        PreparedStory june4 = story("Acme Bio will present at the Jefferies Healthcare Conference on June 4.", null, "push");
        PreparedStory june5 = story("Acme Bio will present at the Jefferies Healthcare Conference on June 5.", null, "push");
        BatchPlan plan = BatchPlan.of(List.of(june4, june5), KnownStories.none());
        assertThat(plan.results()).extracting(IngestResult::duplicate).containsExactly(false, false);
        assertThat(plan.created()).containsExactly(june4, june5);
    }

    @Test
    void anAnnouncementAnotherWriterInsertedMeanwhileMakesItsStoryADuplicate() {
        PreparedStory a = story(GLP1, "https://a.example.org/1", "push");
        PreparedStory b = story(TRISPECIFIC, "https://b.example.org/2", "push");
        BatchPlan plan = BatchPlan.of(List.of(a, b), KnownStories.none());
        plan.keepCreated(Set.of(b.id()));
        assertThat(plan.results()).containsExactly(new IngestResult(a.id(), true), new IngestResult(b.id(), false));
        assertThat(plan.published(NOW)).extracting(RawAnnouncement::id).containsExactly(b.id());
    }
}
