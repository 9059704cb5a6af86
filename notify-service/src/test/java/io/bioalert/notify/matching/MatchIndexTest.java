package io.bioalert.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bioalert.model.Classification;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.TargetTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchIndexTest {

    private final MatchIndex<String> index = new MatchIndex<>();

    /** HER2 bispecific ADC with a primary FDA BTD, a historical Fast Track, and an NMPA IND clearance. */
    private static AnnouncementFacts jskn003() {
        Classification c = new Classification("a1",
                List.of(new TargetTag("ERBB2", "HER2", "HER2-targeting", null, null)),
                List.of(new ModalityTag("BISPECIFIC_ADC", "bispecific ADC", null, null)),
                List.of(new EventTag("BREAKTHROUGH_THERAPY", "FDA", true, "granted BTD by the FDA", null, null),
                        new EventTag("FAST_TRACK", "FDA", false, "previously granted Fast Track", null, null),
                        new EventTag("IND_CLEARANCE", "NMPA", true, "IND approved by NMPA", null, null)),
                List.of("JSKN-003"), List.of("Alphamab Oncology"), List.of(), List.of(), List.of());
        return AnnouncementFacts.of(c, "Alphamab's JSKN003 gets BTD",
                "The biparatopic antibody-drug conjugate targets platinum-resistant ovarian cancer.");
    }

    private static WatchFilter filter(List<String> targets, List<String> modalities, List<String> types,
            List<String> agencies, List<String> companies, List<String> drugs, List<String> keywords, boolean history) {
        return new WatchFilter(targets, modalities, types, agencies, companies, drugs, keywords, history);
    }

    @Test
    void andAcrossFieldsOrWithinAField() {
        index.put("her2-or-trop2 and btd", filter(List.of("TACSTD2", "ERBB2"), null, List.of("BREAKTHROUGH_THERAPY"),
                null, null, null, null, false));
        index.put("her2 and approval", filter(List.of("ERBB2"), null, List.of("APPROVAL"), null, null, null, null, false));
        index.put("trop2 only", filter(List.of("TACSTD2"), null, null, null, null, null, null, false));
        assertThat(index.match(jskn003())).containsExactly("her2-or-trop2 and btd");
    }

    @Test
    void aParentModalityMatchesItsChildrenButNotTheReverse() {
        index.put("antibody", filter(null, List.of("ANTIBODY"), null, null, null, null, null, false));
        index.put("adc", filter(null, List.of("ADC"), null, null, null, null, null, false));
        index.put("bispecific", filter(null, List.of("BISPECIFIC_ANTIBODY"), null, null, null, null, null, false));
        index.put("small molecule", filter(null, List.of("SMALL_MOLECULE"), null, null, null, null, null, false));
        assertThat(index.match(jskn003())).containsExactlyInAnyOrder("antibody", "adc", "bispecific");

        MatchIndex<String> other = new MatchIndex<>();
        other.put("bispecific adc", filter(null, List.of("BISPECIFIC_ADC"), null, null, null, null, null, false));
        Classification plainAdc = new Classification("a2", null, List.of(new ModalityTag("ADC", "ADC", null, null)),
                null, null, null, null, null, null);
        assertThat(other.match(AnnouncementFacts.of(plainAdc, "t", "b"))).isEmpty();
    }

    @Test
    void historyEventsMatchOnlyWatchlistsThatAskForHistory() {
        index.put("fast track", filter(null, null, List.of("FAST_TRACK"), null, null, null, null, false));
        index.put("fast track incl. history", filter(null, null, List.of("FAST_TRACK"), null, null, null, null, true));
        assertThat(index.match(jskn003())).containsExactly("fast track incl. history");
    }

    @Test
    void typeAndAgencyAreJudgedOnTheSameEvent() {
        index.put("fda ind", filter(null, null, List.of("IND_CLEARANCE"), List.of("FDA"), null, null, null, false));
        index.put("nmpa ind", filter(null, null, List.of("IND_CLEARANCE"), List.of("NMPA"), null, null, null, false));
        index.put("anything by nmpa", filter(null, null, null, List.of("NMPA"), null, null, null, false));
        assertThat(index.match(jskn003())).containsExactlyInAnyOrder("nmpa ind", "anything by nmpa");
    }

    @Test
    void companiesByWholeWordsDrugsWithoutPunctuationKeywordsAsPhrases() {
        index.put("alphamab", filter(null, null, null, null, List.of("Alphamab"), null, null, false));
        index.put("alpha", filter(null, null, null, null, List.of("Alpha"), null, null, false));
        index.put("jskn003", filter(null, null, null, null, null, List.of("jskn003"), null, false));
        index.put("ovarian", filter(null, null, null, null, null, null, List.of("Platinum-Resistant Ovarian"), false));
        index.put("gastric", filter(null, null, null, null, null, null, List.of("gastric cancer"), false));
        assertThat(index.match(jskn003())).containsExactlyInAnyOrder("alphamab", "jskn003", "ovarian");
    }

    @Test
    void replacingAndRemovingAWatchlistTakesEffect() {
        index.put("w", filter(List.of("EGFR"), null, null, null, null, null, null, false));
        assertThat(index.match(jskn003())).isEmpty();
        index.put("w", filter(List.of("ERBB2"), null, null, null, null, null, null, false));
        assertThat(index.match(jskn003())).containsExactly("w");
        index.remove("w");
        assertThat(index.match(jskn003())).isEmpty();
        assertThat(index.size()).isZero();
        index.put("x", filter(null, null, null, null, null, List.of("JSKN003"), null, false));
        assertThat(index.match(jskn003())).containsExactly("x"); // reuses the freed slot
    }

    @Test
    void aWatchlistHitThroughTwoValuesIsReturnedOnce() {
        Classification two = new Classification("a3", List.of(new TargetTag("EGFR", null, null, null, null),
                new TargetTag("ERBB3", null, null, null, null)), null, null, null, null, null, null, null);
        index.put("egfr or her3", filter(List.of("EGFR", "ERBB3"), null, null, null, null, null, null, false));
        assertThat(index.match(AnnouncementFacts.of(two, null, "x"))).containsExactly("egfr or her3");
    }

    @Test
    void anEmptyFilterIsRefused() {
        assertThatThrownBy(() -> index.put("none", filter(null, null, null, null, null, null, null, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonsNameTheFieldsValuesAndEvidence() {
        var a = io.bioalert.notify.flow.TestAnnouncements.her2Btd("JSKN003");
        List<MatchReason> reasons = MatchExplainer.explain(filter(List.of("ERBB2"), List.of("ADC"),
                List.of("BREAKTHROUGH_THERAPY"), null, null, null, List.of("ovarian cancer"), false), a);
        assertThat(reasons).extracting(MatchReason::field).containsExactly("target", "modality", "event", "keyword");
        assertThat(reasons.get(0).evidence()).isEqualTo("biparatopic HER2-targeting");
        assertThat(reasons.get(1).watched()).isEqualTo("ADC");
        assertThat(reasons.get(3).evidence()).contains("ovarian cancer");
    }
}
