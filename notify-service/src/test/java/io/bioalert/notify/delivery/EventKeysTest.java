package io.bioalert.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.RawAnnouncement;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventKeysTest {

    private static final EventTag BTD_NMPA = new EventTag("BREAKTHROUGH_THERAPY", "NMPA", true, "纳入突破性治疗品种", null, null);
    private static final EventTag FTD_FDA_HISTORY = new EventTag("FAST_TRACK", "FDA", false, "previously", null, null);

    private static ClassifiedAnnouncement story(List<String> drugs, EventTag... events) {
        RawAnnouncement raw = new RawAnnouncement(1, "u-1", "t", "b", null, List.of(), null, "test", null);
        return new ClassifiedAnnouncement(1, raw,
                new Classification("u-1", null, null, List.of(events), drugs, null, null, null, null), "test", null);
    }

    @Test
    void oneKeyPerDrugAndPrimaryEventWithTheDrugWrittenAnyWay() {
        assertThat(EventKeys.of(story(List.of("JSKN003"), BTD_NMPA, FTD_FDA_HISTORY)))
                .containsExactly("jskn003|BREAKTHROUGH_THERAPY|NMPA");
        for (String written : List.of("JSKN-003", "jskn 003", "ＪＳＫＮ００３", "JSKN‑003")) {
            assertThat(EventKeys.of(story(List.of(written), BTD_NMPA))).as(written)
                    .containsExactly("jskn003|BREAKTHROUGH_THERAPY|NMPA");
        }
    }

    @Test
    void twoDrugsAreTwoKeysSortedAndDuplicatesCountOnce() {
        EventTag approval = new EventTag("APPROVAL", "FDA", true, "approved", null, null);
        assertThat(EventKeys.of(story(List.of("KN026", "anbenitamab", "KN-026"), approval, approval)))
                .containsExactly("anbenitamab|APPROVAL|FDA", "kn026|APPROVAL|FDA");
    }

    @Test
    void noDrugOrNoPrimaryEventMeansNoKeyAndTheAnnouncementKeyAlone() {
        assertThat(EventKeys.of(story(List.of(), BTD_NMPA))).isEmpty();
        assertThat(EventKeys.of(story(List.of("JSKN003"), FTD_FDA_HISTORY))).isEmpty();
        assertThat(EventKeys.of(story(List.of("—"), BTD_NMPA))).isEmpty();
    }
}
