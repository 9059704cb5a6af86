package io.bioalert.classifier.core.event;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.model.EventTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Regulatory events with agency and primary flag.
 *
 * <p>Primary events are the news: the headline's events and those of the lead sentence (the first sentence
 * of the body that states one), unless told as history. Later events are primary only when they repeat a
 * primary (type, agency), continue it ("The medicine also received ..."), or sit in the lead paragraph with a
 * primary agency. Everything else is history. A history sign always wins, so no history event is primary.
 */
public final class EventExtractor {

    /** Running sentences after the headline zone in which the lead event may stand. */
    private static final int OPENING_SENTENCES = 2;

    private EventExtractor() {
    }

    public static List<EventTag> extract(Doc doc) {
        List<Candidate> found = EventFinder.find(doc);
        List<Candidate> events = new ArrayList<>();
        for (Candidate c : found) {
            if (EventGate.isEvent(doc, c)) {
                events.add(c);
            }
        }
        List<Candidate> resolved = resolveAgencies(doc, events);
        ApplicationEvents.headlineClearance(doc, resolved);
        ApplicationEvents.dropRestatedSubmissions(resolved);
        markPrimary(doc, resolved);
        return tags(doc, resolved);
    }

    private static List<Candidate> resolveAgencies(Doc doc, List<Candidate> events) {
        List<AgencyResolver.Ref> refs = AgencyResolver.refs(doc);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Candidate c = events.get(i);
            c.sentence = doc.sentenceOf(c.anchorFrom);
            c.paragraph = doc.layout.paragraphOf(c.anchorFrom);
            c.zone = c.anchorFrom < doc.layout.zoneEnd();
            int next = nextUncoordinated(doc, events, i);
            c.hi = i + 1 < events.size() && doc.sentenceOf(events.get(i + 1).anchorFrom) == c.sentence
                    ? events.get(i + 1).first() : Integer.MAX_VALUE;
            c.lo = i > 0 && doc.sentenceOf(events.get(i - 1).anchorFrom) == c.sentence ? events.get(i - 1).last() : 0;
            List<AgencyResolver.Ref> agencies = AgencyResolver.resolve(doc, refs, c, next);
            if (agencies.isEmpty()) {
                c.agency = c.implied;
                out.add(c);
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (AgencyResolver.Ref r : agencies) {
                if (seen.add(r.agency())) {
                    Candidate copy = seen.size() == 1 ? c : copy(c);
                    copy.agency = r.agency();
                    copy.agencyExplicit = true;
                    widenEvidence(copy, r);
                    fullAgencyName(doc, copy);
                    if (copy != c) {
                        out.add(copy);
                    }
                }
            }
            out.add(c);
        }
        out.removeIf(c -> c.onlyFda && !"FDA".equals(c.agency) && c.agency != null);
        fillFromContext(doc, out);
        out.removeIf(c -> c.agency == null);
        out.sort((a, b) -> Integer.compare(a.anchorFrom, b.anchorFrom));
        return out;
    }

    /**
     * Where the agency search after event i must stop: the next event of the sentence that is not merely
     * listed with it ("granted BTD, ODD and FTD by the FDA" gives all three the FDA).
     */
    private static int nextUncoordinated(Doc doc, List<Candidate> events, int i) {
        Candidate c = events.get(i);
        int s = doc.sentenceOf(c.anchorFrom);
        int last = c.last();
        for (int j = i + 1; j < events.size(); j++) {
            Candidate o = events.get(j);
            if (doc.sentenceOf(o.anchorFrom) != s) {
                return Integer.MAX_VALUE;
            }
            if (!coordinated(doc, last, o.first())) {
                c.chainEnd = last;
                return o.first();
            }
            last = Math.max(last, o.last());
        }
        c.chainEnd = last;
        return Integer.MAX_VALUE;
    }

    private static boolean coordinated(Doc doc, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = doc.tokens.norm(k);
            boolean joiner = w.equals(",") || w.equals("and") || w.equals("or") || w.equals("(") || w.equals(")")
                    || w.equals("as") || w.equals("well");
            if (!joiner && doc.matches.at(Kind.EVENT, k) == null) {
                return false;
            }
        }
        return true;
    }

    /** The evidence runs to the agency when it is named close by: "granted BTD by the U.S. FDA". */
    private static void widenEvidence(Candidate c, AgencyResolver.Ref r) {
        int from = c.evidenceFrom >= 0 ? c.evidenceFrom : c.first();
        int to = c.evidenceTo >= 0 ? c.evidenceTo : c.last();
        if (r.from() >= to && r.from() - to <= 8) {
            to = r.to();
        } else if (r.to() <= from && from - r.to() <= 6) {
            from = r.from();
        }
        c.evidenceFrom = from;
        c.evidenceTo = to;
    }

    /** "China's National Medical Products Administration (NMPA) has granted": start at the full name. */
    private static void fullAgencyName(Doc doc, Candidate c) {
        int from = c.evidenceFrom;
        if (from >= 2 && doc.tokens.isPunct(from - 1, '(')) {
            Match before = doc.matches.at(Kind.AGENCY, from - 2);
            if (before != null) {
                c.evidenceFrom = before.from();
            }
        }
    }

    private static Candidate copy(Candidate c) {
        Candidate d = new Candidate(c.type, c.anchorFrom, c.anchorTo, c.verb, c.needsAction);
        d.onlyFda = c.onlyFda;
        d.implied = c.implied;
        d.possession = c.possession;
        d.sentence = c.sentence;
        d.paragraph = c.paragraph;
        d.zone = c.zone;
        d.lo = c.lo;
        d.chainEnd = c.chainEnd;
        d.evidenceFrom = c.evidenceFrom;
        d.evidenceTo = c.evidenceTo;
        d.hi = c.hi;
        return d;
    }

    /** No agency in the sentence: the same type named elsewhere, the sentence's or paragraph's, the story's. */
    private static void fillFromContext(Doc doc, List<Candidate> cs) {
        String storyAgency = storyAgency(doc, cs);
        Map<String, String> sameTypeAgency = new HashMap<>();
        for (Candidate o : cs) {
            if (o.agencyExplicit) {
                sameTypeAgency.putIfAbsent(o.type, o.agency);
            }
        }
        for (int index = 0; index < cs.size(); index++) {
            Candidate c = cs.get(index);
            if (c.agency != null) {
                continue;
            }
            String a = null;
            if (c.zone) {
                a = sameTypeAgency.get(c.type);
            }
            for (int i = index - 1; a == null && i >= 0 && cs.get(i).paragraph == c.paragraph; i--) {
                Candidate o = cs.get(i);
                if (o.agencyExplicit) {
                    a = o.agency;
                }
            }
            c.storyAgency = a == null;
            c.agency = a != null ? a : storyAgency;
        }
        dropUnattributedApprovals(cs);
    }

    /**
     * A bare "approved" far from the news and from any regulator ("a checkpoint inhibitor approved for HL",
     * "the first agonist approved for weight loss") describes the drug class, not a decision.
     */
    private static void dropUnattributedApprovals(List<Candidate> cs) {
        int leadParagraph = cs.stream().filter(c -> !c.zone).mapToInt(c -> c.paragraph).findFirst().orElse(-1);
        cs.removeIf(c -> c.storyAgency && c.type.equals("APPROVAL") && !c.needsAction && !c.zone
                && c.paragraph != leadParagraph);
    }

    /** The agency of the first explicitly attributed event, else the regulator the story names most. */
    private static String storyAgency(Doc doc, List<Candidate> cs) {
        for (Candidate c : cs) {
            if (c.agencyExplicit) {
                return c.agency;
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Match m : doc.matches.of(Kind.AGENCY)) {
            counts.merge(m.value(), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static void markPrimary(Doc doc, List<Candidate> cs) {
        EventTiming.assignDates(doc, cs);
        Map<Candidate, boolean[]> history = new HashMap<>();
        for (Candidate c : cs) {
            history.put(c, new boolean[] {EventTiming.strongHistory(doc, c), EventTiming.weakHistory(doc, c)});
        }
        // the lead sentence: the first one of the body that tells something other than history
        int leadSentence = -1;
        int leadParagraph = -1;
        // an event further down a story whose opening tells something else ("positive topline results") is
        // background: "SB-11 has received Fast Track designation". Chinese news often opens with paragraphs on
        // the disease before "近日，…公告": there the first event told as news leads wherever it stands.
        int openingEnd = doc.runningSentencesEnd(OPENING_SENTENCES);
        for (Candidate c : cs) {
            boolean[] h = history.get(c);
            boolean opening = c.anchorFrom < openingEnd || doc.tokens.ideograph(c.anchorFrom);
            if (!c.zone && !h[0] && !h[1] && opening) {
                leadSentence = c.sentence;
                leadParagraph = c.paragraph;
                break;
            }
        }
        Set<String> pairs = new HashSet<>();
        Set<String> agencies = new HashSet<>();
        for (Candidate c : cs) {
            boolean[] h = history.get(c);
            boolean today = doc.cueBefore(Cue.CURRENT, c.first(), 8);
            if (!h[0] && !h[1] && (c.zone || c.sentence == leadSentence || today)) {
                c.primary = true;
                pairs.add(c.type + "/" + c.agency);
                agencies.add(c.agency);
            }
        }
        int lastEventSentence = -1;
        boolean lastPrimary = false;
        for (Candidate c : cs) {
            boolean[] h = history.get(c);
            if (!c.primary && !h[0]) {
                boolean continues = c.sentence != lastEventSentence && lastPrimary && !h[1]
                        && doc.cueBefore(Cue.ALSO, c.anchorFrom, 12);
                boolean leadPara = !h[1] && c.paragraph == leadParagraph && agencies.contains(c.agency);
                c.primary = continues || leadPara || pairs.contains(c.type + "/" + c.agency);
            }
            if (c.sentence != lastEventSentence) {
                lastPrimary = c.primary;
            } else {
                lastPrimary |= c.primary;
            }
            lastEventSentence = c.sentence;
        }
    }

    private static List<EventTag> tags(Doc doc, List<Candidate> cs) {
        Map<String, EventTag> out = new LinkedHashMap<>();
        for (Candidate c : cs) {
            String key = c.type + "/" + c.agency + "/" + c.primary;
            if (!out.containsKey(key)) {
                int from = c.evidenceFrom >= 0 ? Math.min(c.evidenceFrom, c.first()) : c.first();
                int to = c.evidenceTo >= 0 ? Math.max(c.evidenceTo, c.last()) : c.last();
                Match word = doc.matches.at(Kind.EVENT, to - 1);
                if (word != null && word.to() > to) {
                    to = word.to(); // the whole decision word: "受理", not its first character
                }
                if (to < doc.tokens.size() && doc.tokens.isPunct(to, ')') && doc.tokens.start(to) > doc.tokens.end(to - 1) - 1
                        && doc.text.lastIndexOf('(', doc.tokens.start(to)) >= doc.tokens.start(from)) {
                    to++; // close "(FDA"
                }
                int s = doc.tokens.start(from);
                int e = doc.tokens.end(to - 1);
                out.put(key, new EventTag(c.type, c.agency, c.primary, doc.text.substring(s, e), s, e));
            }
        }
        return new ArrayList<>(out.values());
    }
}
