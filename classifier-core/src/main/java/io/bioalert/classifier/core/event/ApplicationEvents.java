package io.bioalert.classifier.core.event;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import java.util.List;
import java.util.Set;

/**
 * Application nouns (NDA, BLA, MAA, IND, clinical trial application) and the decision word that gives them
 * their event type: approved, rejected, accepted or submitted.
 */
final class ApplicationEvents {
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "was", "were", "been", "be", "is",
            "are", "and", "it", "they", "which", "who", "that", "successfully", "recently", "also", "jointly",
            "formally", "officially", "today", "previously", "already", "now", "then", "subsequently", "finally");

    private ApplicationEvents() {
    }

    /** An application or IND noun with its decision word. */
    static void application(Doc doc, List<Match> ms, int k, boolean[] used, List<Candidate> out) {
        Match app = ms.get(k);
        if (doc.tokens.is(app.to(), "meeting") || doc.tokens.is(app.to(), "meetings")
                || doc.tokens.is(app.to(), "enabling") || doc.tokens.is(app.from() - 1, "pre")) {
            return; // "a pre-IND meeting", "IND-enabling studies": no decision
        }
        if (k > 0 && doc.tokens.isPunct(app.from() - 1, '(') && ms.get(k - 1).to() == app.from() - 1
                && (EventFinder.role(ms.get(k - 1)).equals("APP") || EventFinder.role(ms.get(k - 1)).equals("IND"))) {
            return; // "Biologics License Application (BLA)": one noun, written twice
        }
        if (EventFinder.role(app).equals("IND") && k + 1 < ms.size() && EventFinder.role(ms.get(k + 1)).equals("APP")
                && ms.get(k + 1).from() - app.to() <= 3) {
            return; // "Investigational New Drug (IND) application": the application noun speaks for both
        }
        boolean ind = EventFinder.role(app).equals("IND") || EventFinder.trialFollows(doc, app.to(), 8)
                || (k > 0 && EventFinder.role(ms.get(k - 1)).equals("IND") && app.from() - ms.get(k - 1).to() <= 3);
        String phrase = doc.span(app.from(), app.to()).toLowerCase();
        if (ind && (phrase.contains("approv") || phrase.contains("clearance") || phrase.contains("implied"))) {
            out.add(new Candidate("IND_CLEARANCE", app.from(), app.to(), -1, true));
            return;
        }
        // the nearest usable decision word on each side; the stronger of the two wins ("accepted ... the BLA
        // submitted by" is an acceptance, "approval follows the FDA's acceptance of the BLA" too)
        int before = -1;
        int after = -1;
        // only the words near the noun: a sentence without full stops can hold thousands of them
        // Chinese puts the decision verb first and the whole description of the drug between it and the
        // application ("受理…在研BCL2抑制剂…的新药上市申请"), so it may stand further before the noun
        boolean chinese = doc.tokens.ideograph(app.from());
        int reachBefore = chinese ? CHINESE_REACH : 40;
        int lo = k;
        while (lo > 0 && app.from() - ms.get(lo - 1).to() <= reachBefore) {
            lo--;
        }
        int hi = k;
        while (hi + 1 < ms.size() && ms.get(hi + 1).from() - app.to() <= 60) {
            hi++;
        }
        for (int j = lo; j <= hi; j++) {
            Match v = ms.get(j);
            boolean far = v.from() - app.to() > 60 || app.from() - v.to() > reachBefore;
            if (rank(EventFinder.role(v)) == 0 || used[j] || far || !near(doc, ms.subList(lo, hi + 1), app, v) || EventFinder.negated(doc, v.from())
                    || modifier(doc, ms, v) || purpose(doc, v)) {
                continue;
            }
            if (ind) {
                // an IND or trial application: any approval near it wins ("the CTA was accepted ..., and
                // approval was granted in March")
                if (before < 0 || rank(EventFinder.role(v)) > rank(EventFinder.role(ms.get(before)))) {
                    before = j;
                }
            } else if (v.to() <= app.from()) {
                before = j;
            } else if (v.from() >= app.to()
                    && (after < 0 || rank(EventFinder.role(v)) > rank(EventFinder.role(ms.get(after))))) {
                // "the application submitted for X had been validated": the noun's predicate outranks the
                // participle that describes it
                after = j;
            }
        }
        int best = before < 0 ? after
                : after < 0 ? before
                : rank(EventFinder.role(ms.get(before))) >= rank(EventFinder.role(ms.get(after))) ? before : after;
        if (after >= 0 && before >= 0 && predicated(doc, app, ms.get(after))) {
            best = after; // "the approval comes after the company's NDA was accepted": the NDA's own verb
        }
        if (best < 0) {
            return;
        }
        used[best] = true;
        Match v = ms.get(best);
        String type = switch (EventFinder.role(v)) {
            case "V_APPROVE" -> ind ? "IND_CLEARANCE" : "APPROVAL";
            case "V_REJECT" -> ind ? null : "COMPLETE_RESPONSE";
            case "V_ACCEPT" -> ind ? "IND_CLEARANCE" : "SUBMISSION_ACCEPTED";
            default -> ind ? null : "SUBMISSION";
        };
        if (type != null) {
            Candidate c = new Candidate(type, app.from(), app.to(), v.from(), false);
            c.onlyFda = ind && EventFinder.role(v).equals("V_ACCEPT");
            if (!type.equals("APPROVAL") && !type.equals("COMPLETE_RESPONSE") && europeanApplication(doc, app)) {
                c.implied = "EMA"; // used only when the sentence names no regulator
            }
            out.add(c);
        }
    }

    /** How far before a Chinese application noun its decision verb may stand, in characters. */
    private static final int CHINESE_REACH = 120;

    private static final Set<String> PREDICATE_AUX = Set.of("was", "were", "is", "has", "have", "had", "been", "now");

    /** The decision verb is the application's own predicate: "the NDA was accepted", "the BLA has been filed". */
    private static boolean predicated(Doc doc, Match app, Match v) {
        int gap = v.from() - app.to();
        if (gap < 1 || gap > 3) {
            return false;
        }
        for (int k = app.to(); k < v.from(); k++) {
            if (!PREDICATE_AUX.contains(doc.tokens.norm(k))) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> CLEARED = Set.of("cleared", "clears", "clear", "clearance");

    /**
     * "X cleared in Canada" in the headline, and the body says the clinical trial application was cleared: the
     * headline's "cleared" is that IND clearance, not a marketing approval.
     */
    static void headlineClearance(Doc doc, List<Candidate> cs) {
        cs.removeIf(c -> c.zone && c.type.equals("APPROVAL")
                && (CLEARED.contains(doc.tokens.norm(c.anchorFrom)) || bodyFirstTellsClearance(cs, c))
                && cs.stream().anyMatch(o -> o.type.equals("IND_CLEARANCE") && !o.zone
                        && java.util.Objects.equals(o.agency, c.agency)));
    }

    /**
     * "X Gains NMPA Approval" over a body whose first decision of that agency is the approval of a clinical
     * trial: the headline shortens the trial approval.
     */
    private static boolean bodyFirstTellsClearance(List<Candidate> cs, Candidate headline) {
        for (Candidate o : cs) {
            if (!o.zone && java.util.Objects.equals(o.agency, headline.agency)
                    && (o.type.equals("APPROVAL") || o.type.equals("IND_CLEARANCE"))) {
                return o.type.equals("IND_CLEARANCE");
            }
        }
        return false;
    }

    /**
     * An accepted application was submitted: "the NDA submitted in China" beside "the NDA has been accepted by
     * the NMPA" before it restates the filing that was accepted, it is no second event. A submission in a
     * headline stays, and so does one told before the acceptance ("will resubmit ...; previously the NDA was
     * accepted").
     */
    static void dropRestatedSubmissions(List<Candidate> cs) {
        cs.removeIf(c -> c.type.equals("SUBMISSION") && !c.zone && cs.stream().anyMatch(
                o -> o.type.equals("SUBMISSION_ACCEPTED") && java.util.Objects.equals(o.agency, c.agency)
                        && o.sentence <= c.sentence));
    }

    /** "MAA", "marketing authorisation application": the EU's application, unless the story is about the UK. */
    private static boolean europeanApplication(Doc doc, Match app) {
        boolean maa = doc.tokens.is(app.from(), "maa") || doc.tokens.is(app.from(), "maas")
                || (doc.tokens.is(app.from(), "marketing") && app.to() - app.from() == 3);
        if (!maa) {
            return false;
        }
        for (Match a : doc.matches.of(io.bioalert.classifier.core.lexicon.Kind.AGENCY)) {
            if (a.value().equals("MHRA")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A decision word that describes some other noun: "a resubmitted BLA" (an adjective), "trial data
     * submitted in support of" (a participle after a plain noun).
     */
    private static boolean modifier(Doc doc, List<Match> ms, Match v) {
        if (v.length() != 1) {
            return false;
        }
        String prev = v.from() > 0 ? doc.tokens.norm(v.from() - 1) : "";
        String w = doc.tokens.norm(v.from());
        if (!w.endsWith("ed") || v.from() == 0 || doc.tokens.type(v.from() - 1) != 1) {
            return false; // nouns ("the FDA's acceptance of") take determiners
        }
        if (EventFinder.DETERMINERS.contains(prev)) {
            return true;
        }
        if (AUXILIARIES.contains(prev) || doc.matches.at(Kind.AGENCY, v.from() - 1) != null
                || doc.matches.at(Kind.COMPANY, v.from() - 1) != null || doc.tokens.capitalized(v.from() - 1)) {
            return false;
        }
        for (Match m : ms) {
            if (m.to() == v.from() && (EventFinder.role(m).equals("APP") || EventFinder.role(m).equals("IND"))) {
                return false;
            }
        }
        return true;
    }

    /** "a BLA to the FDA for the approval of X": the approval is what the application asks for. */
    private static boolean purpose(Doc doc, Match v) {
        int k = v.from() - 1;
        while (k >= 0 && (doc.tokens.is(k, "the") || doc.tokens.is(k, "its") || doc.tokens.is(k, "marketing")
                || doc.tokens.is(k, "full") || doc.tokens.is(k, "accelerated"))) {
            k--;
        }
        return doc.tokens.is(k, "for") && EventFinder.role(v).equals("V_APPROVE");
    }

    private static int rank(String role) {
        return switch (role) {
            case "V_APPROVE" -> 4;
            case "V_REJECT" -> 3;
            case "V_ACCEPT" -> 2;
            case "V_SUBMIT" -> 1;
            default -> 0;
        };
    }

    /** The decision word within 15 tokens after the noun (brackets skipped) or 8 before, no other noun between. */
    private static boolean near(Doc doc, List<Match> ms, Match app, Match v) {
        int a = v.from() > app.from() ? app.to() : v.to();
        int b = v.from() > app.from() ? v.from() : app.from();
        for (Match o : ms) {
            String r = EventFinder.role(o);
            boolean abbreviation = o.from() == app.to() + 1 && doc.tokens.isPunct(app.to(), '(');
            if (o != app && !abbreviation && (r.equals("APP") || r.equals("IND")) && o.from() >= a && o.to() <= b) {
                return false; // another application's decision; "Application (BLA)" is the same one
            }
        }
        int counted = 0;
        int depth = 0;
        boolean comma = false;
        for (int t = a; t < b; t++) {
            if (doc.tokens.isPunct(t, '(')) {
                depth++;
            } else if (doc.tokens.isPunct(t, ')')) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && doc.matches.at(Kind.AGENCY, t) == null) {
                counted++;
                comma |= doc.tokens.isPunct(t, ',') || doc.tokens.isPunct(t, ';');
            }
        }
        if (v.from() < app.from()) {
            // one Chinese clause: the verb governs the noun however long the description between them
            return counted <= 8 || (doc.tokens.ideograph(app.from()) && !comma && counted <= CHINESE_REACH);
        }
        // a passive predicate ("had been validated") may follow a long description of the application
        boolean passive = v.from() > 0 && PREDICATE_AUX.contains(doc.tokens.norm(v.from() - 1));
        return counted <= (passive ? 45 : 30);
    }
}
