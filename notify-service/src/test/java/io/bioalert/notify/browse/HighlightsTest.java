package io.bioalert.notify.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.Mention;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.model.TargetTag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    private static final String TITLE = "FDA clears IND of QX-7";
    private static final String BODY = "Qinghe said the FDA cleared the IND of QX-7, a CLDN18.2-directed antibody-drug conjugate.";
    private static final String TEXT = TITLE + "\n\n" + BODY;

    private static ClassifiedAnnouncement with(List<TargetTag> targets, List<ModalityTag> modalities, List<EventTag> events,
            List<Mention> mentions) {
        RawAnnouncement raw = new RawAnnouncement(1, "u-1", TITLE, BODY, null, List.of(), null, "test", Instant.now());
        return new ClassifiedAnnouncement(1, raw, new Classification("u-1", targets, modalities, events, List.of("QX-7"),
                List.of(), List.of(), List.of(), mentions), "test", Instant.now());
    }

    private static String covered(Highlights.Span s) {
        return TEXT.substring(s.start(), s.end());
    }

    @Test
    void offsetsThatHoldTheEvidenceAreUsedAndOthersAreFoundInTheText() {
        int target = TEXT.indexOf("CLDN18.2-directed");
        List<Highlights.Span> spans = Highlights.of(with(
                List.of(new TargetTag("CLDN18", "CLDN18.2", "CLDN18.2-directed", target, target + 17)),
                // no offsets: located by its text
                List.of(new ModalityTag("ADC", "antibody-drug conjugate", null, null)),
                // offsets pointing elsewhere (another text): located by its text instead
                List.of(new EventTag("IND_CLEARANCE", "FDA", true, "the FDA cleared the IND", 0, 23)),
                List.of(new Mention("DRUG", "QX-7", "QX-7", null, null))));

        assertThat(spans).extracting(HighlightsTest::covered).containsExactly(
                "QX-7", "the FDA cleared the IND", "CLDN18.2-directed", "antibody-drug conjugate");
        assertThat(spans).extracting(Highlights.Span::kind).containsExactly("Drug", "Event", "Target", "Modality");
    }

    @Test
    void overlappingEvidenceBecomesOneSpanAndEvidenceNotInTheTextIsLeftOut() {
        List<Highlights.Span> spans = Highlights.of(with(List.of(),
                List.of(new ModalityTag("ADC", "an invented phrase nowhere in the text", null, null)),
                List.of(new EventTag("IND_CLEARANCE", "FDA", false, "cleared the IND of QX-7", null, null)),
                List.of(new Mention("DRUG", "QX-7", "IND of QX-7, a CLDN18.2", null, null))));

        assertThat(spans).hasSize(1);
        assertThat(covered(spans.get(0))).isEqualTo("cleared the IND of QX-7, a CLDN18.2");
        assertThat(spans.get(0).kind()).isEqualTo("History");
    }
}
