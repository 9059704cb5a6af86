package io.bioalert.classifier.core.event;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.text.DateMention;

/**
 * Reads whether an event is told as history.
 *
 * <p>Strong signs ("Previously", "to date", "had been", a date clearly before the announcement, a paragraph
 * opened by "Previously") always make it history. Weak signs ("after X", "following X", "While X ...",
 * possession of a designation) make it history unless it is the headline's own event.
 */
final class EventTiming {
    private static final java.util.Set<String> PAST_LEADS = java.util.Set.of("in", "since", "this", "last", "(",
            "early", "late", "mid", "back", "during", ",", "于", "在", "自", "从");

    private EventTiming() {
    }

    static boolean strongHistory(Doc doc, Candidate c) {
        int start = doc.sentenceStart(c.anchorFrom);
        int h = doc.matches.lastCueEnd(Cue.HISTORY, start, c.anchorFrom);
        if (h >= 0 && doc.matches.lastCueEnd(Cue.CURRENT, h + 1, c.anchorFrom) < 0 && !reportedPastPerfect(doc, start, h)) {
            return true;
        }
        return pastDate(doc, c) || agoAfter(doc, c) || historyParagraph(doc, c.anchorFrom);
    }

    private static final java.util.Set<String> REPORTING = java.util.Set.of("announced", "announces", "said", "says",
            "reported", "reports", "stated", "states", "disclosed", "discloses", "confirmed", "confirms", "noted",
            "claimed", "claims", "revealed");

    /**
     * "X announced on Wednesday that the application had been validated": after a reporting verb the past
     * perfect is the reporter's tense, not a sign of history.
     */
    private static boolean reportedPastPerfect(Doc doc, int start, int cueEnd) {
        boolean had = doc.tokens.is(cueEnd, "had") || (doc.tokens.is(cueEnd, "been") && doc.tokens.is(cueEnd - 1, "had"));
        if (!had) {
            return false;
        }
        for (int t = start; t < cueEnd; t++) {
            if (REPORTING.contains(doc.tokens.norm(t))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> TIME_UNITS = java.util.Set.of("day", "days", "week", "weeks", "month",
            "months", "year", "years", "decade", "decades");

    /** "rejected two years ago": a span of time counted back from the story, right after the event. */
    private static boolean agoAfter(Doc doc, Candidate c) {
        int end = Math.min(doc.sentenceEnd(c.anchorFrom), c.last() + 6);
        for (int t = c.last() + 1; t < end; t++) {
            if (doc.tokens.is(t, "ago") && TIME_UNITS.contains(doc.tokens.norm(t - 1))) {
                return true;
            }
        }
        return false;
    }

    static boolean weakHistory(Doc doc, Candidate c) {
        if (c.possession || afterCue(doc, c.first())) {
            return true;
        }
        int s = doc.sentenceStart(c.anchorFrom);
        if (doc.matches.cueStartsAt(Cue.CONCESSIVE, s)) {
            for (int t = s; t < c.anchorFrom; t++) {
                if (doc.tokens.isPunct(t, ',')) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** An AFTER cue shortly before the event, not counting the words of an agency name in between. */
    static boolean afterCue(Doc doc, int first) {
        int start = doc.sentenceStart(first);
        int counted = 0;
        for (int k = first - 1; k >= start && counted <= 6; k--) {
            if (doc.matches.cueEndsAt(Cue.AFTER, k)) {
                return true;
            }
            if (doc.matches.at(Kind.AGENCY, k) == null && doc.matches.at(Kind.COUNTRY, k) == null) {
                counted++;
            }
        }
        return false;
    }

    /** The date nearest the event in its sentence lies clearly before the announcement. */
    static boolean pastDate(Doc doc, Candidate c) {
        DateMention d = nearestDate(doc, c);
        if (d == null) {
            return false;
        }
        if (doc.day == null) {
            // Without a reference, "in March 2021", "(August 2024)", "this July" read as background; "by June"
            // or "a PDUFA date of August 2026" look ahead.
            // A Chinese date opening its sentence ("2019年12月，...获得...") tells background the same way.
            return !d.hasDay() && d.from() > 0 && (PAST_LEADS.contains(doc.tokens.norm(d.from() - 1))
                    || (chineseDate(doc, d) && doc.sentenceStart(d.from()) == d.from()));
        }
        return d.before(doc.day, Doc.SLACK_DAYS);
    }

    private static DateMention nearestDate(Doc doc, Candidate c) {
        return c.date;
    }

    /**
     * Gives each date to the event it qualifies. English writes the date after the event ("granted BTD on
     * November 4, 2023, and received Priority Review on August 28, 2025"), so a date belongs to the nearest
     * event before it in its sentence; a date that opens a sentence ("In 2019, the FDA granted ...") belongs
     * to the first event after it.
     */
    static void assignDates(Doc doc, java.util.List<Candidate> cs) {
        java.util.Map<Integer, java.util.List<Candidate>> bySentence = new java.util.HashMap<>();
        for (Candidate c : cs) {
            bySentence.computeIfAbsent(c.sentence, k -> new java.util.ArrayList<>()).add(c);
        }
        for (DateMention d : doc.dates) {
            if (d.from() < 0) {
                continue;
            }
            int s = doc.sentenceOf(d.from());
            Candidate before = null;
            Candidate after = null;
            for (Candidate c : bySentence.getOrDefault(s, java.util.List.of())) {
                if (c.last() <= d.from()) {
                    before = c;
                } else if (after == null && c.first() >= d.to()) {
                    after = c;
                }
            }
            if (before != null && relativeClauseBetween(doc, before.last(), d.from())) {
                before = null; // "lifted the hold, which had been placed in January": the clause's date
            }
            Candidate owner = before != null ? before : after;
            if (chineseDate(doc, d)) {
                // Chinese writes the date before the event it dates ("于2020年7月获得FDA授予..."), or inside
                // the statement ("临床试验申请已于2024年10月获得...批准")
                Candidate around = null;
                for (Candidate c : bySentence.getOrDefault(s, java.util.List.of())) {
                    if (c.first() < d.from() && c.last() >= d.to()) {
                        around = c;
                    }
                }
                owner = around != null ? around : after != null ? after : before;
            }
            if (owner == null) {
                continue;
            }
            boolean chinese = chineseDate(doc, d);
            for (Candidate c : bySentence.get(s)) {
                boolean same = c.anchorFrom == owner.anchorFrom
                        // "获得FDA孤儿药(Orphan Drug Designation, ODD)资格认定": the glosses of one statement
                        || (chinese && c.anchorFrom > owner.anchorFrom && c.anchorFrom - owner.last() <= 12);
                if (same && c.type.equals(owner.type) && c.date == null) {
                    c.date = d; // copies made for coordinated agencies share it
                }
            }
        }
        for (java.util.List<Candidate> list : bySentence.values()) {
            shareWithJoined(doc, list);
        }
    }

    /**
     * "The NDA was accepted with priority review in February 2024": one date after two joined events dates
     * both. Only a "with" or "and" (no comma, no other words) may join them, so "granted BTD in 2023, and
     * today received Priority Review" keeps the second event undated.
     */
    private static void shareWithJoined(Doc doc, java.util.List<Candidate> cs) {
        for (int i = cs.size() - 2; i >= 0; i--) {
            Candidate c = cs.get(i);
            Candidate next = cs.get(i + 1);
            if (c.date != null || next.date == null || next.first() < c.last() || next.first() - c.last() > 2) {
                continue;
            }
            boolean joined = true;
            for (int t = c.last(); t < next.first(); t++) {
                joined &= doc.tokens.is(t, "with") || doc.tokens.is(t, "and");
            }
            if (joined) {
                c.date = next.date;
            }
        }
    }

    /** "2025年7月8日", "7月": written with Chinese characters, so written before the event. */
    static boolean chineseDate(Doc doc, DateMention d) {
        return d.to() > d.from() && doc.tokens.ideograph(d.to() - 1);
    }

    private static boolean relativeClauseBetween(Doc doc, int from, int to) {
        for (int t = from; t < to; t++) {
            if (doc.tokens.is(t, "which") || doc.tokens.is(t, "who")) {
                return true;
            }
        }
        return false;
    }

    /** A paragraph that opens with "Previously," tells history to its end. */
    private static boolean historyParagraph(Doc doc, int token) {
        int p = doc.layout.paragraphStart(token);
        return doc.matches.cueStartsAt(Cue.HISTORY, p) && doc.sentenceOf(p) != doc.sentenceOf(token);
    }
}
