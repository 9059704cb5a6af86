package io.bioalert.classifier.core.drug;

import io.bioalert.classifier.core.doc.Doc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drugs of one announcement and which of them it is about.
 *
 * <p>The announced drugs are those named in the headline zone and the first paragraph, outside prior-therapy,
 * comparator and partner contexts; when the opening names none, the first sentence that names one decides.
 * Names linked to an announced drug ("Vyloy, also known as zolbetuximab", "camidanlumab tesirine (Cami,
 * formerly ADCT-301)") join its group.
 */
public final class Drugs {
    private final List<DrugMention> mentions;
    private final Map<String, String> groupOf = new HashMap<>();
    private final Set<String> announced = new LinkedHashSet<>();

    private Drugs(List<DrugMention> mentions) {
        this.mentions = mentions;
    }

    public static Drugs of(Doc doc) {
        Drugs d = new Drugs(DrugFinder.find(doc));
        AliasLinker.link(doc, d.mentions, d::union);
        d.chooseAnnounced(doc);
        return d;
    }

    private void chooseAnnounced(Doc doc) {
        int leadEnd = doc.openingSentencesEnd(2);
        for (DrugMention m : mentions) {
            if (m.from() < leadEnd && !m.sideline() && !historySentence(doc, m.from())) {
                announced.add(group(m.key()));
            }
        }
        if (!announced.isEmpty()) {
            return;
        }
        int sentence = -1;
        for (DrugMention m : mentions) {
            if (m.sideline()) {
                continue;
            }
            int s = doc.sentenceOf(m.from());
            if (sentence >= 0 && s != sentence) {
                break;
            }
            sentence = s;
            announced.add(group(m.key()));
        }
    }


    /**
     * "Earlier this month, the FDA granted ... to the company's PT217", "the market already includes X": a drug
     * after a sign of history in its sentence is another, earlier product.
     */
    private static boolean historySentence(Doc doc, int token) {
        int s = doc.sentenceStart(token);
        if (s < doc.layout.zoneEnd()) {
            return false;
        }
        if (doc.matches.lastCueEnd(io.bioalert.classifier.core.lexicon.Cue.HISTORY, s, token) >= 0) {
            return true;
        }
        // "Keytruda ... was approved for this indication in 2021": a sentence dated before the story, not today's
        int e = doc.sentenceEnd(token);
        return doc.matches.firstCueStart(io.bioalert.classifier.core.lexicon.Cue.CURRENT, s, e) < 0
                && doc.pastDateInSentence(doc.sentenceOf(token));
    }


    private void union(String a, String b) {
        String ga = group(a);
        String gb = group(b);
        if (!ga.equals(gb)) {
            groupOf.put(gb, ga);
        }
    }

    private String group(String key) {
        String g = key;
        String next;
        while ((next = groupOf.get(g)) != null && !next.equals(g)) {
            g = next;
        }
        return g;
    }

    public List<DrugMention> mentions() {
        return mentions;
    }

    public boolean isAnnounced(DrugMention m) {
        return announced.contains(group(m.key()));
    }

    /** Announced drug mentions, one per distinct written name (case, spaces and hyphens ignored). */
    public List<DrugMention> announcedNames() {
        Map<String, DrugMention> byName = new LinkedHashMap<>();
        for (DrugMention m : mentions) {
            if (isAnnounced(m)) {
                byName.putIfAbsent(DrugMention.squeeze(m.surface()), m);
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** The nearest drug mention that ends at or before the token, in the same sentence; null if none. */
    public DrugMention nearestBefore(Doc doc, int token) {
        DrugMention best = null;
        int sentence = doc.sentenceOf(token);
        for (DrugMention m : mentions) {
            if (m.to() > token) {
                break;
            }
            if (doc.sentenceOf(m.from()) == sentence) {
                best = m;
            }
        }
        return best;
    }

    /** True when an announced drug is named in the sentence of the token. */
    public boolean announcedInSentence(Doc doc, int token) {
        int s = doc.sentenceOf(token);
        for (DrugMention m : mentions) {
            if (doc.sentenceOf(m.from()) == s && isAnnounced(m)) {
                return true;
            }
        }
        return false;
    }
}
