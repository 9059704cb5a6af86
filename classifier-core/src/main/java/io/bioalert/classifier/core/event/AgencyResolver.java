package io.bioalert.classifier.core.event;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the agency of each event in its own sentence: first the agency named after the event word ("granted
 * BTD by the CDE of the NMPA", "approved in the UK (August 2024), Japan (March 2024) and China"), with the
 * ones coordinated to it; otherwise the nearest one before ("The FDA has accepted ... the BLA"). Country names
 * stand for their regulator only where they read as one ("approved in Japan", "China's", "US rejection").
 */
final class AgencyResolver {
    /** A mention of a regulator, or of a country standing for one, at tokens [from, to). */
    record Ref(int from, int to, String agency, boolean explicit, boolean adjective) {
    }

    /** Application nouns that a country adjective qualifies: "the company's US NDA", "a European MAA". */
    private static final Set<String> APPLICATION_WORDS = Set.of("nda", "ndas", "bla", "blas", "maa", "maas",
            "snda", "sbla", "cta", "ctas", "submission", "submissions", "filing", "filings", "application",
            "applications", "marketing", "biologics", "dossier", "registration", "inds", "supplemental", "new");

    private static final Set<String> COUNTRY_LEADS = Set.of("in", "by", "across", "both", "behind", "outside",
            "within", "throughout");
    private static final Set<String> COUNTRY_EVENTS = Set.of("approval", "approvals", "rejection", "regulators",
            "regulator", "clearance", "authorities", "authority", "regulatory", "nod", "decision", "ind", "label");
    private static final Set<String> LIST_TOKENS = Set.of(",", "and", "(", ")", "the", "as", "well", "both", "also",
            "respectively", "by", "in", "和", "与", "及");
    private static final int AFTER_WINDOW = 14;
    private static final Set<String> APPLICATION_TYPES = Set.of("SUBMISSION", "SUBMISSION_ACCEPTED", "PRIORITY_REVIEW",
            "IND_CLEARANCE");

    private AgencyResolver() {
    }

    /** Every regulator reference of the document, in token order. */
    static List<Ref> refs(Doc doc) {
        List<Ref> out = new ArrayList<>();
        List<Match> agencies = doc.matches.of(Kind.AGENCY);
        List<Match> countries = doc.matches.of(Kind.COUNTRY);
        int a = 0;
        int c = 0;
        Ref last = null;
        while (a < agencies.size() || c < countries.size()) {
            boolean takeAgency = c >= countries.size()
                    || (a < agencies.size() && agencies.get(a).from() <= countries.get(c).from());
            Match m = takeAgency ? agencies.get(a++) : countries.get(c++);
            if (codeName(doc, m)) {
                continue; // "FDA018" is a drug's code name, not the FDA
            }
            if (!takeAgency && (doc.matches.at(Kind.AGENCY, m.from()) != null || !qualifies(doc, m, last))) {
                continue;
            }
            last = new Ref(m.from(), m.to(), m.value(), takeAgency, !takeAgency && applicationAfter(doc, m));
            out.add(last);
        }
        return out;
    }

    private static boolean codeName(Doc doc, Match m) {
        var t = doc.tokens;
        return m.to() < t.size() && t.glued(m.to()) && t.type(m.to()) == io.bioalert.classifier.core.text.Tokens.NUMBER
                && t.start(m.to()) == t.end(m.to() - 1);
    }

    private static boolean qualifies(Doc doc, Match m, Ref last) {
        var t = doc.tokens;
        int p = m.from() - 1;
        if (t.is(p, "the")) {
            p--;
        }
        if (p >= 0 && COUNTRY_LEADS.contains(t.norm(p))) {
            return true;
        }
        if (t.is(m.to(), "s") && t.glued(m.to())) {
            return true;
        }
        if (m.to() < t.size() && COUNTRY_EVENTS.contains(t.norm(m.to())) || applicationAfter(doc, m)) {
            return true;
        }
        return last != null && listed(doc, last.to(), m.from());
    }

    /**
     * "the company's US NDA", "European MAA", "Japanese New Drug Application": the application names its
     * jurisdiction, hence the regulator that reviews it.
     */
    private static boolean applicationAfter(Doc doc, Match m) {
        var t = doc.tokens;
        return m.to() < t.size() && APPLICATION_WORDS.contains(t.norm(m.to()))
                && (!t.is(m.to(), "new") || t.is(m.to() + 1, "drug"));
    }

    /** Only list punctuation, conjunctions and dates between two references. */
    static boolean listed(Doc doc, int from, int to) {
        if (to - from > 8 || doc.sentenceOf(Math.max(0, to - 1)) != doc.sentenceOf(Math.max(0, from - 1))) {
            return false;
        }
        for (int k = from; k < to; k++) {
            boolean date = doc.tokens.type(k) == 2 || isMonth(doc, k);
            if (!date && !LIST_TOKENS.contains(doc.tokens.norm(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMonth(Doc doc, int k) {
        return doc.dates.stream().anyMatch(d -> d.from() <= k && k < d.to());
    }

    /**
     * The agencies of a candidate: those named after it (until the next candidate), else the nearest before.
     * Empty when the sentence names none.
     */
    static List<Ref> resolve(Doc doc, List<Ref> refs, Candidate c, int nextAnchor) {
        if (doc.tokens.ideograph(c.anchorFrom)) {
            List<Ref> before = chineseBefore(doc, refs, c);
            if (!before.isEmpty()) {
                return before;
            }
        }
        int sentenceStart = doc.sentenceStart(c.anchorFrom);
        int sentenceEnd = doc.sentenceEnd(c.anchorFrom);
        int limit = Math.min(Math.min(sentenceEnd, nextAnchor), Math.max(c.last(), c.chainEnd) + AFTER_WINDOW);
        List<Ref> found = new ArrayList<>();
        int startIndex = firstAtOrAfter(refs, sentenceStart);
        for (int i = firstAtOrAfter(refs, c.last()); i < refs.size(); i++) {
            Ref r = refs.get(i);
            if (found.isEmpty() && r.adjective() && !APPLICATION_TYPES.contains(c.type)) {
                continue; // "The approval comes after the company's US NDA was accepted": the NDA's, not the approval's
            }
            if (found.isEmpty() && r.from() < limit) {
                found.add(r);
            } else if (!found.isEmpty() && r.from() < Math.min(sentenceEnd, nextAnchor)
                    && (listed(doc, found.get(found.size() - 1).to(), r.from())
                    || (r.agency().equals(found.get(0).agency()) && r.from() < limit))) {
                found.add(r); // "in the UK (August 2024), Japan (March 2024) and China (August 2023)"
            } else if (!found.isEmpty()) {
                break;
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        Ref before = null;
        for (int i = startIndex; i < refs.size() && refs.get(i).from() < c.last(); i++) {
            Ref r = refs.get(i);
            if (r.to() <= c.first()) {
                before = r;
            } else if (before == null && r.from() >= c.first() && r.to() <= c.last()) {
                // the anchor and its agency may interleave: "FDA Lifts Hold", "NMPA accepted ... application"
                before = r;
            }
        }
        return before == null ? List.of() : List.of(before);
    }

    /**
     * Chinese names the regulator before the event ("被药审中心纳入突破性治疗品种", "获美国FDA授予孤儿药资格",
     * "上市申请获国家药监局受理"): the nearest one before or inside the statement, after the previous event of
     * the sentence, with the ones listed with it ("获得美国FDA和中国NMPA临床试验许可").
     */
    private static List<Ref> chineseBefore(Doc doc, List<Ref> refs, Candidate c) {
        int lower = Math.max(doc.sentenceStart(c.anchorFrom), c.lo);
        int nearest = -1;
        for (int i = firstAtOrAfter(refs, lower); i < refs.size() && refs.get(i).to() <= c.last(); i++) {
            nearest = i;
        }
        if (nearest < 0) {
            return List.of();
        }
        List<Ref> out = new ArrayList<>();
        out.add(refs.get(nearest));
        for (int i = nearest - 1; i >= 0 && refs.get(i).from() >= lower && listed(doc, refs.get(i).to(),
                refs.get(i + 1).from()); i--) {
            out.add(refs.get(i));
        }
        return out;
    }

    /** Index of the first reference starting at or after the token (references are in token order). */
    private static int firstAtOrAfter(List<Ref> refs, int token) {
        int lo = 0;
        int hi = refs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (refs.get(mid).from() < token) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
