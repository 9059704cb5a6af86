package io.bioalert.ingest.fileimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.store.Story;
import io.bioalert.ingest.support.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EmlReaderTest {

    @Test
    void mailBecomesAStoryFromItsPlainTextPart() throws Exception {
        Story story = EmlReader.read(Fixtures.bytes("mail/release.eml"), "import");

        assertThat(story.title()).isEqualTo("Lumen Therapeutics receives FDA approval for LT-9 in hereditary angioedema");
        assertThat(story.publishedAt()).isEqualTo(LocalDate.of(2025, 11, 5));
        assertThat(story.body()).startsWith("Lumen Therapeutics today announced that the U.S. Food and Drug Administration has approved")
                .contains("reduced the monthly attack rate by 87%")
                .doesNotContain("HTML version", "nsubscribe", "=\n");
    }
}
