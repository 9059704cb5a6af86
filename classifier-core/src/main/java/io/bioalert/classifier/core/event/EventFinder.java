package io.bioalert.classifier.core.event;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds event candidates sentence by sentence from the event words of events.tsv.
 *
 * <p>An application noun takes its type from the strongest decision word near it (approved &gt; rejected &gt;
 * accepted &gt; submitted: "accepted ... the BLA submitted by" is an acceptance); an IND or clinical-trial
 * approval is IND_CLEARANCE, not APPROVAL; a recommendation of approval is POSITIVE_OPINION.
 */
final class EventFinder {
    private static final Set<String> VERB_FORMS = Set.of("approved", "approves", "approve", "approving",
            "authorised", "authorized", "authorises", "authorizes", "registered", "greenlit", "greenlighted", "clears",
            "cleared");
    static final Set<String> DETERMINERS = Set.of("a", "an", "the", "no", "any", "its", "their", "other",
            "only", "s", "first", "newly", "currently", "his", "her", "our", "two", "three", "several");
    private static final Set<String> PRODUCT_NOUNS = Set.of("drug", "drugs", "therapy", "therapies", "treatment",
            "treatments", "medicine", "medicines", "product", "products", "indication", "indications", "adc", "adcs",
            "agent", "agents", "antibody", "option", "options", "label", "dose", "doses", "biosimilar", "anti",
            "的"); // "获批的疗法": an approved therapy
    private static final Set<String> TRIAL_WAY = Set.of("for", "to", "initiate", "start", "begin", "conduct",
            "proceed", "with", "commence", "a", "an", "the", "its", "phase", "pivotal", "clinical", "registrational",
            "human", "i", "ii", "iii", "iv", "two", "three", "one", "1", "2", "3", "1a", "1b", "2a", "2b", "b",
            "global", "multi", "regional", "dose", "escalation", "first", "in", "new", "of", "/", "randomized", "from",
            "drug", "notice", "enter", "entering", "advance", "advancing", "into", "move", "moving", "launch",
            "initiating", "starting", "beginning",
            "by", "u", "s", "(", ")", ",",
            // trial design words: "approved an open-label, multicenter Phase 1b/2 study"
            "open", "label", "multicenter", "multicentre", "multi-center", "center", "centre", "randomised",
            "controlled", "double", "single", "blind", "blinded", "arm", "placebo", "adaptive", "basket", "umbrella",
            "their", "our", "expansion", "part");

    private static final Set<String> PHASE_NUMERALS = Set.of("i", "ii", "iii", "ia", "ib", "iia", "iib", "1a", "1b",
            "2a", "2b");

    private EventFinder() {
    }

    static List<Candidate> find(Doc doc) {
        List<Candidate> out = new ArrayList<>();
        List<Match> all = doc.matches.of(Kind.EVENT);
        int limit = doc.layout.boilerplateStart();
        int i = 0;
        while (i < all.size() && all.get(i).from() < limit) {
            int s = doc.sentenceOf(all.get(i).from());
            int j = i;
            while (j < all.size() && doc.sentenceOf(all.get(j).from()) == s && all.get(j).from() < limit) {
                j++;
            }
            sentence(doc, all.subList(i, j), out);
            i = j;
        }
        underAgencyReview(doc, out);
        out.sort((a, b) -> Integer.compare(a.anchorFrom, b.anchorFrom));
        return out;
    }

    private static void sentence(Doc doc, List<Match> ms, List<Candidate> out) {
        boolean[] used = new boolean[ms.size()];
        for (int k = 0; k < ms.size(); k++) {
            if (role(ms.get(k)).equals("OPINION")) {
                opinion(doc, ms, k, used, out);
            }
        }
        for (int k = 0; k < ms.size(); k++) {
            String role = role(ms.get(k));
            if (role.equals("APP") || role.equals("IND")) {
                ApplicationEvents.application(doc, ms, k, used, out);
            }
        }
        for (int k = 0; k < ms.size(); k++) {
            Match m = ms.get(k);
            String role = role(m);
            if (role.startsWith("DESIG:")) {
                Candidate c = new Candidate(role.substring(6), m.from(), m.to(), -1, true);
                c.implied = impliedAgency(doc.span(m.from(), m.to()).toLowerCase(java.util.Locale.ROOT), c.type);
                out.add(c);
            } else if (role.equals("CRL")) {
                out.add(new Candidate("COMPLETE_RESPONSE", m.from(), m.to(), -1, false));
            } else if (role.equals("HOLD")) {
                hold(doc, ms, k, used, out);
            } else if (role.equals("CLINICAL_HOLD")) {
                out.add(new Candidate("CLINICAL_HOLD", m.from(), m.to(), -1, false));
            } else if (role.equals("IND_OK")) {
                // "临床试验批准通知书", "默示许可": the noun is the clearance; a grant verb makes it an event
                out.add(new Candidate("IND_CLEARANCE", m.from(), m.to(), -1, true));
            }
        }
        for (int k = 0; k < ms.size(); k++) {
            Match m = ms.get(k);
            if (used[k]) {
                continue;
            }
            if (role(m).equals("V_REJECT") && agencyNear(doc, m.from(), 6)) {
                out.add(new Candidate("COMPLETE_RESPONSE", m.from(), m.to(), -1, false));
            } else if (role(m).equals("V_APPROVE")) {
                approval(doc, ms, k, out);
            } else if (role(m).equals("V_AGREE") && chineseTrialAfter(doc, m.to())) {
                out.add(new Candidate("IND_CLEARANCE", m.from(), m.to(), -1, false)); // "同意…开展临床试验"
            }
        }
    }

    private static void opinion(Doc doc, List<Match> ms, int k, boolean[] used, List<Candidate> out) {
        Match m = ms.get(k);
        String phrase = doc.span(m.from(), m.to()).toLowerCase();
        for (int t = m.to(); t < Math.min(m.to() + 4, doc.tokens.size()); t++) {
            if (doc.tokens.is(t, "against") || doc.tokens.is(t, "not")) {
                return; // "voted 8-3 against": a negative vote
            }
        }
        boolean strong = phrase.contains("positive") || phrase.contains("approval") || phrase.contains("backing")
                || phrase.contains("favo");
        boolean approvalAfter = false;
        for (int j = k + 1; j < ms.size() && ms.get(j).from() - m.to() <= 8; j++) {
            if (role(ms.get(j)).equals("V_APPROVE")) {
                used[j] = true;
                approvalAfter = true;
            }
        }
        if (strong || approvalAfter || committeeInSentence(doc, m.from())) {
            used[k] = true;
            out.add(new Candidate("POSITIVE_OPINION", m.from(), m.to(), -1, false));
        }
    }

    private static boolean committeeInSentence(Doc doc, int token) {
        for (int t = doc.sentenceStart(token); t < doc.sentenceEnd(token); t++) {
            Match a = doc.matches.at(Kind.AGENCY, t);
            if (a != null) {
                String s = doc.span(a.from(), a.to()).toLowerCase();
                if (s.contains("chmp") || s.contains("committee")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void hold(Doc doc, List<Match> ms, int k, boolean[] used, List<Candidate> out) {
        Match m = ms.get(k);
        if (doc.span(m.from(), m.to()).toLowerCase().contains("clinical")) {
            out.add(new Candidate("CLINICAL_HOLD", m.from(), m.to(), -1, false));
            return;
        }
        if (!agencyNear(doc, m.from(), 12)) {
            return; // "the company put the program on hold" is its own pause, not a clinical hold
        }
        for (int j = Math.max(0, k - 4); j < Math.min(ms.size(), k + 5); j++) {
            if (role(ms.get(j)).equals("V_LIFT") && Math.abs(ms.get(j).from() - m.from()) <= 4) {
                used[j] = true;
                out.add(new Candidate("CLINICAL_HOLD", m.from(), m.to(), ms.get(j).from(), false));
                return;
            }
        }
    }

    /** A decision word on its own: an approval, or a go-ahead for a clinical trial. */
    private static void approval(Doc doc, List<Match> ms, int k, List<Candidate> out) {
        Match m = ms.get(k);
        String w = doc.tokens.norm(m.from());
        // Chinese decision words ("获批", "批准") are verbs: like "approved", no grant verb is needed
        boolean verbForm = (m.length() == 1 && VERB_FORMS.contains(w)) || doc.tokens.ideograph(m.from());
        if (verbForm && adjective(doc, m)) {
            return;
        }
        for (int j = k + 1; j < ms.size() && ms.get(j).from() - m.to() <= 6; j++) {
            if (role(ms.get(j)).startsWith("DESIG:") && !commaBetween(doc, m.to(), ms.get(j).from())) {
                return; // "obtained approval to be included as Breakthrough-Therapy-Designated Drug"
            }
        }
        boolean trial = trialFollows(doc, m.to(), 8) || trialBefore(doc, m.from())
                || (doc.tokens.ideograph(m.from()) && chineseTrialAfter(doc, m.to()));
        Candidate c = new Candidate(trial ? "IND_CLEARANCE" : "APPROVAL", m.from(), m.to(), -1, !verbForm);
        c.possession = verbForm && standingState(doc, m.from()); // background: told, never the news
        out.add(c);
    }

    /**
     * "pembrolizumab, which is approved for melanoma", "the drug, which is already approved in Europe": a
     * relative clause in the present states a standing fact, background to the news.
     */
    private static boolean standingState(Doc doc, int verb) {
        var t = doc.tokens;
        int k = verb - 1;
        if (t.is(k, "also") || t.is(k, "already") || t.is(k, "currently")) {
            k--;
        }
        return (t.is(k, "is") || t.is(k, "are")) && (t.is(k - 1, "which") || t.is(k - 1, "that"));
    }

    private static boolean commaBetween(Doc doc, int from, int to) {
        for (int t = from; t < to; t++) {
            if (doc.tokens.isPunct(t, ',') || doc.tokens.is(t, "which")) {
                return true;
            }
        }
        return false;
    }

    private static boolean adjective(Doc doc, Match m) {
        String prev = m.from() > 0 ? doc.tokens.norm(m.from() - 1) : "";
        String next = m.to() < doc.tokens.size() ? doc.tokens.norm(m.to()) : "";
        return DETERMINERS.contains(prev) || PRODUCT_NOUNS.contains(next);
    }

    /** "approval to initiate a phase II clinical study", "green light for Phase 1 clinical trials". */
    static boolean trialFollows(Doc doc, int k, int limit) {
        int end = Math.min(doc.sentenceEnd(k > 0 ? k - 1 : 0), k + limit);
        for (int t = k; t < end; t++) {
            Match m = doc.matches.at(Kind.EVENT, t);
            if (m != null && (m.value().equals("TRIAL") || m.value().equals("IND"))) {
                return true;
            }
            if (doc.tokens.is(t, "phase") && t + 1 < doc.tokens.size()
                    && (doc.tokens.type(t + 1) == 2 || PHASE_NUMERALS.contains(doc.tokens.norm(t + 1)))) {
                return true; // "green light to start Phase 1": a numbered phase is a trial without the word
            }
            boolean agency = doc.matches.at(Kind.AGENCY, t) != null || doc.matches.at(Kind.COUNTRY, t) != null;
            if (agency) {
                end = Math.min(end + 1, doc.sentenceEnd(t));
            } else if (!TRIAL_WAY.contains(doc.tokens.norm(t)) && doc.tokens.type(t) != 2 && !doc.tokens.ideograph(t)) {
                return false; // Chinese words between ("批准开展I期临床试验") read as the way to the trial
            }
        }
        return false;
    }

    /**
     * "获国家药监局批准，同意本品开展临床试验", "收到…批准的《药物临床试验批准通知书》": a Chinese decision word
     * whose sentence goes on to the trial or its notice (before any marketing word) is the trial's go-ahead.
     */
    static boolean chineseTrialAfter(Doc doc, int k) {
        int end = Math.min(doc.sentenceEnd(Math.max(0, k - 1)), k + 40);
        for (int t = k; t < end; t++) {
            if (resultsWord(doc, t)) {
                return false; // "获批是基于III期临床研究结果": an approval based on a trial
            }
            Match m = doc.matches.at(Kind.EVENT, t);
            if (m != null && (m.value().equals("TRIAL") || m.value().equals("IND") || m.value().equals("IND_OK"))) {
                return true;
            }
            if (m != null && (m.value().equals("APP") || m.value().equals("V_APPROVE"))) {
                return false;
            }
        }
        return false;
    }

    /** "结果", "数据", "基于": the trial is the evidence for a decision, not its subject. */
    private static boolean resultsWord(Doc doc, int t) {
        var w = doc.tokens;
        return (w.is(t, "结") && w.is(t + 1, "果")) || (w.is(t, "数") && w.is(t + 1, "据"))
                || (w.is(t, "基") && w.is(t + 1, "于"));
    }

    /** "Glecirasib's pivotal study for pancreatic cancer was approved". */
    private static boolean trialBefore(Doc doc, int k) {
        int start = doc.sentenceStart(k);
        int counted = 0;
        for (int t = k - 1; t >= start && counted < 7; t--) {
            Match m = doc.matches.at(Kind.EVENT, t);
            if (m != null && (m.value().equals("TRIAL") || m.value().equals("IND"))) {
                return true;
            }
            if (doc.matches.at(Kind.AGENCY, t) == null) {
                counted++; // "临床试验已获得国家药品监督管理局批准": the agency's name is no distance
            }
            if (resultsWord(doc, t)) {
                return false; // "基于III期临床研究的结果获批": the trial's results, not its go-ahead
            }
        }
        return false;
    }

    private static boolean agencyNear(Doc doc, int token, int window) {
        int s = doc.sentenceStart(token);
        int e = doc.sentenceEnd(token);
        for (int t = Math.max(s, token - window); t < Math.min(e, token + window + 1); t++) {
            if (doc.matches.at(Kind.AGENCY, t) != null || doc.matches.at(Kind.COUNTRY, t) != null) {
                return true;
            }
        }
        return false;
    }

    /** Designations that exist at one agency only: SAKIGAKE (Japan), accelerated assessment and PRIME (EMA). */
    private static String impliedAgency(String phrase, String type) {
        if (phrase.contains("sakigake")) {
            return "PMDA";
        }
        if (phrase.contains("accelerated assessment") || type.equals("PRIME")) {
            return "EMA";
        }
        return type.equals("RMAT") || type.equals("RARE_PEDIATRIC_DISEASE") ? "FDA" : null;
    }

    static boolean negated(Doc doc, int token) {
        return doc.cueBefore(Cue.NEGATION, token, 3) || chineseClauseCue(doc, Cue.NEGATION, token, 12);
    }

    /**
     * A cue earlier in the same Chinese clause: Chinese puts time, place and object between a negation or an
     * intention and its verb ("计划于明年向美国FDA递交", "国内外无同类产品获批上市"). A clause ends at a comma or
     * semicolon; the enumeration comma "、" joins items of one clause.
     */
    static boolean chineseClauseCue(Doc doc, Cue cue, int token, int window) {
        if (token < 0 || token >= doc.tokens.size() || !doc.tokens.ideograph(token)) {
            return false;
        }
        int start = doc.sentenceStart(token);
        for (int k = token; k >= start && k >= token - window; k--) {
            if (k < token && (doc.tokens.isPunct(k, ',') || doc.tokens.isPunct(k, ';'))
                    && doc.text.charAt(doc.tokens.start(k)) != '\u3001') {
                return false;
            }
            if (doc.matches.cueEndsAt(cue, k)) {
                return true;
            }
        }
        return false;
    }

    /** "under NMPA review", "under review by the FDA": a pending application. */
    private static void underAgencyReview(Doc doc, List<Candidate> out) {
        var t = doc.tokens;
        for (int i = 0; i + 2 < Math.min(t.size(), doc.layout.boilerplateStart()); i++) {
            if (!t.is(i, "under")) {
                continue;
            }
            Match a = doc.matches.at(Kind.AGENCY, i + 1);
            Candidate c = null;
            if (a != null && a.from() == i + 1 && t.is(a.to(), "review")) {
                c = new Candidate("SUBMISSION_ACCEPTED", i, a.to() + 1, -1, false);
            } else if (t.is(i + 1, "review") && t.is(i + 2, "by") && doc.matches.at(Kind.AGENCY, i + 3) != null) {
                c = new Candidate("SUBMISSION_ACCEPTED", i, i + 2, -1, false);
            }
            if (c != null) {
                c.possession = true; // a pending review is a state, told as background unless it is the headline
                out.add(c);
            }
        }
    }

    static String role(Match m) {
        return m.value();
    }
}
