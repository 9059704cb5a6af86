package io.bioalert.notify.delivery;

import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.notify.matching.Text;
import java.text.Normalizer;
import java.util.List;
import java.util.TreeSet;

/**
 * The keys one piece of news is alerted under: (normalised drug, event type, agency) for every drug and
 * every primary event of an announcement. An English release, its Chinese notice and a trade-press story
 * about the same designation name the drug by the same code (JSKN003), so they share their keys while
 * their announcement ids differ. Events carry no drug of their own, so a story with two drugs and one
 * event has two keys, and is news for a destination unless both are already alerted there: a story that
 * adds a drug may be news, and a missed alert costs more than a repeated one.
 *
 * <p>Empty when the story names no drug or announces no event (history only): it is then keyed by its
 * announcement alone.
 */
public final class EventKeys {

    private EventKeys() {
    }

    /** Sorted, so that every transaction claims the keys of a destination in the same order. */
    public static List<String> of(ClassifiedAnnouncement a) {
        Classification c = a.classification();
        if (c == null || c.drugs().isEmpty()) {
            return List.of();
        }
        TreeSet<String> keys = new TreeSet<>();
        for (EventTag e : c.events()) {
            if (!e.primary() || e.type() == null || e.type().isBlank()) {
                continue;
            }
            for (String d : c.drugs()) {
                String drug = drug(d);
                if (!drug.isEmpty()) {
                    keys.add(drug + "|" + Text.id(e.type()) + "|" + Text.id(e.agency()));
                }
            }
        }
        return List.copyOf(keys);
    }

    /**
     * "JSKN-003", "jskn 003" and the full-width "ＪＳＫＮ００３" of Chinese typesetting are one drug: NFKC
     * folds the full-width forms, then matching's own rule drops case, spaces, hyphens and other punctuation.
     */
    public static String drug(String name) {
        return name == null ? "" : Text.drug(Normalizer.normalize(name, Normalizer.Form.NFKC));
    }
}
