package io.bioalert.notify.matching;

import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.Mention;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.TargetTag;
import io.bioalert.notify.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spells out why a matched watchlist matched, for the alert and the delivery history. Runs only for
 * the watchlists that matched, so it can afford to be plain rather than fast.
 */
public final class MatchExplainer {

    private static final int SNIPPET = 80;

    private MatchExplainer() {
    }

    public static List<MatchReason> explain(WatchFilter f, ClassifiedAnnouncement a) {
        Classification c = a.classification() == null ? Classification.empty(a.id()) : a.classification();
        List<MatchReason> out = new ArrayList<>();
        List<String> targets = f.targets().stream().map(Text::id).toList();
        for (TargetTag t : c.targets()) {
            if (targets.contains(Text.id(t.id()))) {
                out.add(new MatchReason("target", t.id(), t.name(), t.evidence()));
            }
        }
        List<String> modalities = f.modalities().stream().map(Text::id).toList();
        for (ModalityTag m : c.modalities()) {
            Taxonomy.withAncestors(Text.id(m.id())).stream().filter(modalities::contains).findFirst()
                    .ifPresent(w -> out.add(new MatchReason("modality", m.id(), w.equals(m.id()) ? null : w,
                            m.evidence())));
        }
        if (!f.eventTypes().isEmpty() || !f.agencies().isEmpty()) {
            for (EventTag e : c.events()) {
                boolean typeOk = f.eventTypes().isEmpty() || f.eventTypes().stream().map(Text::id)
                        .anyMatch(Text.id(e.type())::equals);
                boolean agencyOk = f.agencies().isEmpty() || f.agencies().stream().map(Text::id)
                        .anyMatch(Text.id(e.agency())::equals);
                if ((e.primary() || f.includeHistory()) && typeOk && agencyOk) {
                    out.add(new MatchReason("event", e.type() + "/" + e.agency(), e.primary() ? null : "history",
                            e.evidence()));
                }
            }
        }
        for (String company : c.companies()) {
            String padded = " " + Text.phrase(company) + " ";
            f.companies().stream().filter(w -> padded.contains(" " + Text.phrase(w) + " ")).findFirst()
                    .ifPresent(w -> out.add(new MatchReason("company", company, w, mention(c, "COMPANY", company))));
        }
        for (String drug : c.drugs()) {
            f.drugs().stream().filter(w -> Text.drug(w).equals(Text.drug(drug))).findFirst()
                    .ifPresent(w -> out.add(new MatchReason("drug", drug, w, mention(c, "DRUG", drug))));
        }
        String text = a.announcement().fullText() == null ? "" : a.announcement().fullText();
        String padded = " " + Text.phrase(text) + " ";
        for (String k : f.keywords()) {
            if (padded.contains(" " + Text.phrase(k) + " ")) {
                out.add(new MatchReason("keyword", k, null, snippet(text, k)));
            }
        }
        return out;
    }

    private static String mention(Classification c, String kind, String name) {
        for (Mention m : c.mentions()) {
            if (kind.equalsIgnoreCase(m.kind()) && name.equalsIgnoreCase(m.name())) {
                return m.evidence();
            }
        }
        return null;
    }

    /** The words around the first occurrence, case-insensitively; null when punctuation hides it. */
    static String snippet(String text, String keyword) {
        int at = text.toLowerCase(Locale.ROOT).indexOf(keyword.toLowerCase(Locale.ROOT));
        if (at < 0) {
            return null;
        }
        int from = Math.max(0, at - SNIPPET / 2);
        int to = Math.min(text.length(), at + keyword.length() + SNIPPET / 2);
        return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").trim()
                + (to < text.length() ? "…" : "");
    }
}
