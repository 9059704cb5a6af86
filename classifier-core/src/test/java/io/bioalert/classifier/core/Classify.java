package io.bioalert.classifier.core;

import io.bioalert.model.Classification;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.TargetTag;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Test helper: one classifier for the whole test JVM, and short views of a classification. */
final class Classify {
    static final AnnouncementClassifier CLASSIFIER = AnnouncementClassifier.fromResources();

    private Classify() {
    }

    static Classification body(String body) {
        return CLASSIFIER.classify("t", null, body, null);
    }

    static Classification doc(String title, String body, String date) {
        return CLASSIFIER.classify("t", title, body, date == null ? null : LocalDate.parse(date));
    }

    static Set<String> targets(Classification c) {
        return c.targets().stream().map(TargetTag::id).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> modalities(Classification c) {
        return c.modalities().stream().map(ModalityTag::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Events as "TYPE/AGENCY/primary|history". */
    static Set<String> events(Classification c) {
        return c.events().stream().map(Classify::event).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> primary(Classification c) {
        return c.events().stream().filter(EventTag::primary).map(e -> e.type() + "/" + e.agency())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String event(EventTag e) {
        return e.type() + "/" + e.agency() + "/" + (e.primary() ? "primary" : "history");
    }
}
