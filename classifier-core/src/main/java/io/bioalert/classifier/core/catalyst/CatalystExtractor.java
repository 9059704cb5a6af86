package io.bioalert.classifier.core.catalyst;

import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.drug.DrugMention;
import io.bioalert.classifier.core.drug.Drugs;
import io.bioalert.classifier.core.lexicon.Kind;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.classifier.core.text.ChineseScript;
import io.bioalert.model.CatalystTag;
import io.bioalert.model.EventTag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dated milestones ahead of the announcement (taxonomy.md section 6): a PDUFA target action date, an advisory
 * committee meeting, an agency decision expected by a date, a topline readout expected by a date.
 *
 * <p>A sentence gives a catalyst when it holds one of the cue phrases below and a period ({@link PeriodParser})
 * that does not end before the announcement's day: "a PDUFA date of March 15, 2026" in a story of 2026-11-01
 * is history. The catalyst is about the announced drug named nearest before the cue in its sentence, else the
 * story's first announced drug; a sentence about another drug ("Rival's PDUFA date is ...") gives none.
 */
public final class CatalystExtractor {
    private static final int CUE = Pattern.CASE_INSENSITIVE;
    private static final Pattern PDUFA = Pattern.compile(
            "pdufa|(?:target )?action date|goal date|user fee (?:goal )?date", CUE);
    private static final Pattern ADCOM = Pattern.compile(
            "advisory committee|adcomm?\\b|\\bodac\\b|咨询委员会", CUE);
    private static final Pattern DECISION = Pattern.compile(
            "(?:decision|approval|opinion|action|launch)\\b[^.;]{0,50}?\\b(?:expected|anticipated)"
                    + "|expects? (?:an? |the )?(?:regulatory |approval |marketing |chmp )?(?:decision|approval|opinion)"
                    + "|(?:expected|anticipated|on track) (?:to (?:be )?(?:approve|approved|decide|receive approval|obtain approval))"
                    + "|(?:expected|anticipated) to (?:make|issue|announce|reach|deliver) (?:its |a |the |an )?(?:regulatory )?decision"
                    + "|预计[^。；]{0,24}(?:获批|批准|审批|上市)|有望[^。；]{0,12}(?:获批|批准|上市)", CUE);
    private static final Pattern READOUT = Pattern.compile(
            "(?:top-?line|interim|pivotal|final|primary)[^.;]{0,40}?(?:data|results|readout)[^.;]{0,60}?(?:expected|anticipated)"
                    + "|(?:data|results|readout)[^.;]{0,50}?(?:expected|anticipated)"
                    + "|expects? to (?:report|announce|release|share|present|read out) (?:top-?line |interim |pivotal )?(?:data|results)"
                    + "|readout[^.;]{0,25}?\\b(?:in|by)\\b"
                    + "|预计[^。；]{0,20}(?:读出|公布[^。；]{0,16}(?:数据|结果))", CUE);
    /** A committee meeting ahead, not one that has voted ("the advisory committee voted 9-1 in October"). */
    private static final Pattern MEETING_AHEAD = Pattern.compile(
            "scheduled|will (?:meet|convene|review|discuss|vote)|to be held|to convene|to meet|upcoming|planned for"
                    + "|meeting (?:on|is|date)|定于|将于|召开", CUE);
    /** What makes a cue a decision date rather than something else with a date ("the PDUFA date was met"). */
    private static final Pattern SCHEDULED = Pattern.compile(
            "scheduled|set for|set a|assigned|is |of |on |for |date to|extended|moved|planned|convene|meet|预计|定于|为|将于", CUE);
    /** "A rival's drug has a PDUFA date of ...": the date belongs to a competitor. */
    private static final Pattern COMPETITOR = Pattern.compile("\\b(?:rivals?|competitors?|competing)\\b|竞争对手|竞品|競爭對手", CUE);

    private CatalystExtractor() {
    }

    public static List<CatalystTag> extract(Doc doc, Drugs drugs, List<EventTag> events) {
        // traditional characters folded to simplified ones, one for one, so the offsets stay the text's
        String folded = ChineseScript.fold(doc.text);
        if (!hasAnyCue(folded.toLowerCase(Locale.ROOT))) {
            return List.of(); // most stories: one scan of the text, no sentence work
        }
        LocalDate today = doc.day;
        int defaultYear = today != null ? today.getYear() : doc.date != null && doc.date.year() > 0 ? doc.date.year()
                : LocalDate.now().getYear();
        Map<String, CatalystTag> out = new LinkedHashMap<>();
        int end = Math.min(doc.tokens.size(), doc.layout.boilerplateStart());
        int t = 0;
        while (t < end) {
            int sEnd = doc.sentenceEnd(t);
            int from = doc.tokens.start(t);
            int to = doc.tokens.end(Math.max(t, sEnd - 1));
            sentence(doc, drugs, events, folded.substring(from, to), from, t, defaultYear, today, out);
            t = Math.max(sEnd, t + 1);
        }
        return new ArrayList<>(out.values());
    }

    private static boolean hasAnyCue(String lower) {
        return lower.contains("pdufa") || lower.contains("action date") || lower.contains("goal date")
                || lower.contains("advisory") || lower.contains("adcom") || lower.contains("odac")
                || lower.contains("expect") || lower.contains("anticipat") || lower.contains("on track")
                || lower.contains("readout") || lower.contains("预计") || lower.contains("有望")
                || lower.contains("咨询委员会") || lower.contains("user fee");
    }

    private static void sentence(Doc doc, Drugs drugs, List<EventTag> events, String text, int offset, int firstToken,
                                 int defaultYear, LocalDate today, Map<String, CatalystTag> out) {
        if (!hasAnyCue(text.toLowerCase(Locale.ROOT))) {
            return; // the patterns below run only on the few sentences that hold a cue word
        }
        String kind = null;
        Matcher cue = null;
        for (Object[] k : new Object[][] {{"PDUFA", PDUFA}, {"ADCOM", ADCOM}, {"READOUT", READOUT},
                {"DECISION_EXPECTED", DECISION}}) {
            Matcher m = ((Pattern) k[1]).matcher(text);
            if (m.find()) {
                kind = (String) k[0];
                cue = m;
                break;
            }
        }
        if (kind == null) {
            return;
        }
        if ((kind.equals("PDUFA") && !SCHEDULED.matcher(text).find())
                || (kind.equals("ADCOM") && !MEETING_AHEAD.matcher(text).find())) {
            return;
        }
        if (COMPETITOR.matcher(text.substring(0, cue.start())).find()) {
            return;
        }
        Period period = nearestPeriod(PeriodParser.find(text, offset, defaultYear), offset + cue.start());
        if (period == null || (today != null && !period.after().isAfter(today))) {
            return; // no date, or a date already past: history, not a catalyst
        }
        int cueToken = doc.tokens.indexAtOrAfter(offset + cue.start());
        DrugMention near = drugs.nearestBefore(doc, Math.max(cueToken, firstToken));
        if (near != null && !drugs.isAnnounced(near)) {
            return; // "Rival's PDUFA date is ...": another drug's calendar
        }
        List<DrugMention> announced = drugs.announcedNames();
        String drug = near != null ? near.surface() : announced.isEmpty() ? null : announced.get(0).surface();
        String agency = agency(doc, kind, cueToken, events);
        int s = Math.min(offset + cue.start(), period.start());
        int e = Math.max(offset + cue.end(), period.end());
        CatalystTag tag = new CatalystTag(kind, period.first(), period.precision(), agency, drug,
                doc.text.substring(s, e), s, e);
        out.putIfAbsent(kind + "/" + period.first() + "/" + period.precision() + "/" + drug, tag);
    }

    /** The period after the cue nearest to it, else the one before (Chinese puts the date first: 预计2026年获批). */
    private static Period nearestPeriod(List<Period> periods, int cueAt) {
        Period before = null;
        for (Period p : periods) {
            if (p.start() >= cueAt) {
                return p;
            }
            before = p;
        }
        return before;
    }

    /** PDUFA dates and advisory committees are the FDA's; otherwise the regulator the sentence or story names. */
    private static String agency(Doc doc, String kind, int cueToken, List<EventTag> events) {
        if (kind.equals("READOUT")) {
            return null;
        }
        if (kind.equals("PDUFA")) {
            return "FDA";
        }
        int s = doc.sentenceStart(cueToken);
        int e = doc.sentenceEnd(cueToken);
        for (int t = s; t < e; t++) {
            Match a = doc.matches.at(Kind.AGENCY, t);
            if (a == null) {
                a = doc.matches.at(Kind.COUNTRY, t);
            }
            if (a != null && !a.value().equals("-")) {
                return a.value();
            }
        }
        for (EventTag ev : events) {
            if (ev.primary() && ev.agency() != null) {
                return ev.agency();
            }
        }
        return kind.equals("ADCOM") ? "FDA" : null;
    }
}
