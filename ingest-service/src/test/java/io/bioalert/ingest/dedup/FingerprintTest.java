package io.bioalert.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.clean.TextCleaner;
import io.bioalert.ingest.support.Fixtures;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final String RELEASE = TextCleaner.clean(Fixtures.text("stories/01-breakthrough.txt"), null).body();

    @Test
    void sameWordsInAnotherLayoutAreAnExactMatch() {
        Fingerprint a = Fingerprint.of(RELEASE);
        Fingerprint b = Fingerprint.of(RELEASE.replace("\n", "  ").toUpperCase());
        assertThat(b.contentHash()).isEqualTo(a.contentHash());
        assertThat(a.sameStoryAs(b.contentHash(), b.minhash(), b.tokens())).isTrue();
    }

    @Test
    void syndicatedCopyWithNewDatelineAndCreditIsTheSameStory() {
        String copy = "OSLO (Wire) -- " + RELEASE.replace("announced that", "said on Wednesday that")
                + "\nSource: Nordlys Therapeutics press release.";
        Fingerprint a = Fingerprint.of(RELEASE);
        Fingerprint b = Fingerprint.of(copy);
        assertThat(b.contentHash()).isNotEqualTo(a.contentHash());
        assertThat(MinHash.similarity(a.minhash(), b.minhash())).isGreaterThan(Fingerprint.SAME_STORY_SIMILARITY);
        assertThat(a.sameStoryAs(b.contentHash(), b.minhash(), b.tokens())).isTrue();
        // LSH: a near copy shares at least one band, which is what the database lookup relies on.
        int[] ba = a.bands();
        int[] bb = b.bands();
        boolean shared = false;
        for (int i = 0; i < ba.length; i++) {
            shared |= ba[i] == bb[i];
        }
        assertThat(shared).isTrue();
    }

    @Test
    void differentReleasesOfOneCompanyWithTheSameBoilerplateAreDifferentStories() {
        String boilerplate = "\nAbout Corvane Pharma\n" + "Corvane Pharma is a pharmaceutical company in Greater China focused on metabolic diseases, "
                .repeat(20);
        String one = TextCleaner.clean(Fixtures.text("stories/02-release-date.txt"), null).body() + boilerplate;
        String other = "Corvane Pharma announced that the first patient was dosed in a Phase 2 study of CV-4120, an "
                + "oral PCSK9 inhibitor, in adults with hypercholesterolemia who do not reach their LDL target on statins. "
                + "The study will enroll 300 patients at 40 sites in China and report results next year." + boilerplate;
        Fingerprint a = Fingerprint.of(one);
        Fingerprint b = Fingerprint.of(other);
        assertThat(a.sameStoryAs(b.contentHash(), b.minhash(), b.tokens())).isFalse();
    }

    @Test
    void shortTemplatedTextsAreOnlyEverMatchedExactly() {
        Fingerprint a = Fingerprint.of("Acme Bio will present at the Jefferies Healthcare Conference on June 4.");
        Fingerprint b = Fingerprint.of("Acme Bio will present at the Jefferies Healthcare Conference on June 5.");
        assertThat(a.nearCandidate()).isFalse();
        assertThat(a.sameStoryAs(b.contentHash(), b.minhash(), b.tokens())).isFalse();
    }

    @Test
    void signatureSurvivesItsByteForm() {
        Fingerprint a = Fingerprint.of(RELEASE);
        assertThat(Fingerprint.minhashOf(a.minhashBytes())).containsExactly(a.minhash());
    }
}
