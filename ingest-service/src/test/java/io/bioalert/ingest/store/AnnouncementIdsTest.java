package io.bioalert.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnouncementIdsTest {

    @Test
    void trackingParametersFragmentsAndCaseDoNotChangeTheId() {
        String a = AnnouncementIds.forStory("https://Example.com/news/1?utm_source=x&id=7#top", null, "x");
        String b = AnnouncementIds.forStory("https://example.com/news/1/?id=7", null, "y");
        assertThat(a).isEqualTo(b).startsWith("u-");
    }

    @Test
    void differentPathsAreDifferentStories() {
        assertThat(AnnouncementIds.forStory("https://example.com/news/1", null, "x"))
                .isNotEqualTo(AnnouncementIds.forStory("https://example.com/news/2", null, "x"));
    }

    @Test
    void withoutUrlTheNormalisedTextDecides() {
        String a = AnnouncementIds.forStory(null, "FDA  clears IND", "Acme's drug, cleared.");
        String b = AnnouncementIds.forStory(null, "fda clears ind", "acme s drug cleared");
        assertThat(a).isEqualTo(b).startsWith("t-");
        assertThat(AnnouncementIds.forStory(null, "FDA clears IND", "Other text")).isNotEqualTo(a);
    }
}
