package io.bioalert.classifier.core.event;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.classifier.core.text.DateMention;
import java.util.Set;

/**
 * Decides whether a candidate is an event at all: not a plan ("plans to resubmit the BLA"), not negated
 * ("has not yet been granted"), not an explanation ("PRIME offers ... accelerated assessment"), and, for
 * designations outside the headline, stated with a grant-type verb.
 */
final class EventGate {
    private static final Set<String> POSSESSION_GAP = Set.of("the", "a", "an", "also", "both", "its", "their", "and",
            ",", "already", "existing");

    private EventGate() {
    }

    static boolean isEvent(Doc doc, Candidate c) {
        boolean zone = c.anchorFrom < doc.layout.zoneEnd();
        if (EventFinder.negated(doc, c.first()) || (c.verb >= 0 && EventFinder.negated(doc, c.verb))) {
            return false;
        }
        int action = actionToken(doc, c);
        if (action >= 0 && EventFinder.negated(doc, action)) {
            return false; // "has not yet been granted"
        }
        int first = action >= 0 ? Math.min(action, c.first()) : c.first();
        if (action >= 0 && c.first() - action <= 6) {
            c.evidenceFrom = Math.min(action, c.first());
            c.evidenceTo = Math.max(action + 1, c.last());
        }
        if (grantedProcedure(doc, c)) {
            return true;
        }
        // a cue may end on the decision word itself: "to resubmit"
        boolean planned = doc.cueAtOrBefore(Cue.INTENTION, first, 6) || doc.cueAtOrBefore(Cue.INTENTION, c.first(), 6)
                // "a BLA seeking approval of", "an sNDA requesting approval": the decision word is the goal
                || (c.verb >= c.anchorTo && doc.cueAtOrBefore(Cue.INTENTION, c.verb - 1, 1))
                || EventFinder.chineseClauseCue(doc, Cue.INTENTION, first, 16)
                || EventFinder.chineseClauseCue(doc, Cue.INTENTION, c.first(), 16);
        if ((planned || expectedAfter(doc, c)) && !sameDayDate(doc, c) && !proposedInChina(doc, c)) {
            return false;
        }
        c.possession |= heldAsAttribute(doc, c);
        if (!c.needsAction || zone) {
            return true;
        }
        c.possession |= possession(doc, c);
        // "follows the FDA's February 2016 breakthrough therapy designation": told as having happened
        return action >= 0 || c.possession || doc.cueBefore(Cue.HISTORY, c.anchorFrom, 2)
                || (EventTiming.afterCue(doc, c.first()) && regulatorAfterCue(doc, c));
    }

    /**
     * "following approval by EMA", "follows the FDA's ... designation": a regulator between the cue and the
     * event or right after it. "exclusivity ... after product approval" names none and is a generic term.
     */
    private static boolean regulatorAfterCue(Doc doc, Candidate c) {
        int start = Math.max(doc.sentenceStart(c.anchorFrom), c.first() - 10);
        int cue = doc.matches.lastCueEnd(Cue.AFTER, start, c.first());
        int end = Math.min(doc.sentenceEnd(c.anchorFrom), c.last() + 8);
        for (int t = Math.max(cue, start); t < end; t++) {
            if (doc.matches.at(Kind.AGENCY, t) != null || doc.matches.at(Kind.COUNTRY, t) != null) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> REVIEW_VERBS = Set.of("reviewed", "assessed", "evaluated", "examined",
            "considered", "processed");
    private static final Set<String> CONDITIONS = Set.of("if", "once", "when", "should", "eligible", "potential",
            "potentially", "may", "could", "would", "upon");

    /**
     * "the MAA will be reviewed under accelerated assessment": the future tense describes a procedure already
     * granted, not a plan, unless the sentence makes it conditional ("if an MAA is submitted").
     */
    private static boolean grantedProcedure(Doc doc, Candidate c) {
        if (!c.type.equals("PRIORITY_REVIEW")) {
            return false;
        }
        var t = doc.tokens;
        int k = c.anchorFrom - 1;
        int start = doc.sentenceStart(c.anchorFrom);
        while (k >= start && (t.is(k, "the") || t.is(k, "an") || t.is(k, "a") || t.is(k, "s") || t.is(k, "'")
                || doc.matches.at(Kind.AGENCY, k) != null)) {
            k--;
        }
        if (k - 3 < start || !(t.is(k, "under") || t.is(k, "with") || t.is(k, "via")) || !REVIEW_VERBS.contains(t.norm(k - 1))
                || !t.is(k - 2, "be") || !t.is(k - 3, "will")) {
            return false;
        }
        int end = doc.sentenceEnd(c.anchorFrom);
        for (int i = start; i < end; i++) {
            if (CONDITIONS.contains(t.norm(i))) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> EXPECTED = Set.of("expected", "anticipated", "pending", "planned", "possible",
            "likely", "sought", "hoped");

    /** "FDA approval expected in Q3", "approval is anticipated": the decision is still ahead. */
    private static boolean expectedAfter(Doc doc, Candidate c) {
        int end = Math.min(doc.sentenceEnd(c.anchorFrom), c.last() + 3);
        for (int t = c.last(); t < end; t++) {
            if (EXPECTED.contains(doc.tokens.norm(t))) {
                return true;
            }
        }
        return false;
    }

    /**
     * China's CDE publishes a designation for comment before granting it ("is on track to receive BTD",
     * "included in the list of proposed breakthrough therapies"); taxonomy.md counts such a notice as the
     * designation, so the words of expectation do not make it a plan.
     */
    private static boolean proposedInChina(Doc doc, Candidate c) {
        if (!c.type.equals("BREAKTHROUGH_THERAPY") && !c.type.equals("PRIORITY_REVIEW")) {
            return false;
        }
        int s = doc.sentenceStart(c.anchorFrom);
        boolean proposal = false;
        for (int t = Math.max(s, c.first() - 8); t < c.first(); t++) {
            proposal |= (doc.tokens.is(t, "on") && doc.tokens.is(t + 1, "track")) || doc.tokens.is(t, "proposed");
        }
        if (!proposal) {
            return false;
        }
        for (int t = s; t < doc.sentenceEnd(c.anchorFrom); t++) {
            Match a = doc.matches.at(Kind.AGENCY, t);
            Match country = doc.matches.at(Kind.COUNTRY, t);
            if ((a != null && a.value().equals("NMPA")) || (country != null && country.value().equals("NMPA"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A grant-type verb of the candidate's sentence, near it; -1 when there is none. Before the event it may
     * stand further off when only the drug's description lies between ("has granted X, a ... antibody
     * developed by ..., breakthrough therapy designation"), never across another event.
     */
    static int actionToken(Doc doc, Candidate c) {
        int s = doc.sentenceStart(c.anchorFrom);
        int e = doc.sentenceEnd(c.anchorFrom);
        int best = -1;
        // Chinese puts the grant verb before the drug and its whole indication: "授予泰它西普(…)用于治疗…的快速通道资格"
        int reach = doc.tokens.ideograph(c.anchorFrom) ? 150 : 15;
        for (int t = Math.max(s, c.first() - reach); t < Math.min(e, c.last() + 10); t++) {
            if (doc.matches.cueStartsAt(Cue.ACTION, t) && !generic(doc, t)) {
                if (best < 0 || Math.abs(t - c.anchorFrom) < Math.abs(best - c.anchorFrom)) {
                    best = t;
                }
            }
        }
        for (int t = c.first() - 16; best < 0 && t >= Math.max(s, c.first() - 35); t--) {
            if (doc.matches.at(Kind.EVENT, t) != null) {
                break;
            }
            if (doc.matches.cueStartsAt(Cue.ACTION, t) && !generic(doc, t)) {
                best = t;
            }
        }
        return best;
    }

    /** "PRIME designation is awarded ... to promising medicines": a present-tense passive describes a rule. */
    private static boolean generic(Doc doc, int t) {
        return t > 0 && (doc.tokens.is(t - 1, "is") || doc.tokens.is(t - 1, "are"));
    }

    /** "Orphan Drug-tagged X", "Fast Track-designated X": a designation the drug already holds, even in a headline. */
    private static boolean heldAsAttribute(Doc doc, Candidate c) {
        return doc.tokens.hyphenBefore(c.anchorTo) && (doc.tokens.is(c.anchorTo, "tagged")
                || doc.tokens.is(c.anchorTo, "designated") || doc.tokens.is(c.anchorTo, "labelled"));
    }

    /** "holds orphan drug and rare pediatric designations", "which has PRIME designation". */
    private static boolean possession(Doc doc, Candidate c) {
        int k = c.anchorFrom - 1;
        int start = doc.sentenceStart(c.anchorFrom);
        for (int steps = 0; k >= start && steps < 8; steps++, k--) {
            if (doc.matches.cueEndsAt(Cue.POSSESS, k)) {
                return true;
            }
            Match m = doc.matches.at(Kind.EVENT, k);
            if (m != null && m.value().startsWith("DESIG:")) {
                k = m.from();
                continue;
            }
            if (!POSSESSION_GAP.contains(doc.tokens.norm(k))) {
                return false;
            }
        }
        return false;
    }

    /** "it will resubmit ... on March 4" in a story dated 4 March: the plan is the news of the day. */
    private static boolean sameDayDate(Doc doc, Candidate c) {
        if (doc.date == null) {
            return false;
        }
        int s = doc.sentenceOf(c.anchorFrom);
        for (DateMention d : doc.dates) {
            if (d.from() >= 0 && doc.sentenceOf(d.from()) == s && d.hasDay() && d.month() == doc.date.month()
                    && d.day() == doc.date.day()) {
                return true;
            }
        }
        return false;
    }
}
