package io.bioalert.classifier.core.text;

import java.util.Arrays;
import java.util.Set;

/**
 * Sentences and paragraphs of a token stream, and the headline zone.
 *
 * <p>A newline ends a paragraph: press-release bodies use one newline as often as two. The headline zone is
 * the title plus the short lines that open the body (a repeated headline, a dateline, a subtitle) before the
 * first real paragraph; when the title is missing, the body's own first line is the headline.
 */
public final class Layout {
    /** A body line longer than this is running text, not a headline, dateline or subtitle. */
    static final int SHORT_LINE = 220;
    private static final int MAX_ZONE_LINES = 9;
    private static final Set<String> ABBREVIATIONS = Set.of("co", "ltd", "inc", "corp", "dr", "mr", "mrs", "ms",
            "prof", "no", "vs", "st", "jr", "sr", "e", "g", "i", "al", "approx", "fig", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "nos", "incl", "est", "govt");

    private final Tokens tokens;
    private int[] sentenceStart = new int[16];
    private int sentences;
    private final int[] sentenceOf;
    private final int[] paragraphOf;
    private int paragraphs;
    private final int[] paragraphStart;
    private final int zoneEnd;
    private final int leadEnd;
    private final int boilerplateStart;

    public Layout(Tokens tokens, int titleLength) {
        this.tokens = tokens;
        int n = tokens.size();
        sentenceOf = new int[n];
        paragraphOf = new int[n];
        int para = -1;
        for (int i = 0; i < n; i++) {
            boolean newPara = i == 0 || tokens.newlinesBefore(i) > 0;
            if (newPara) {
                para++;
            }
            if (newPara || endsSentence(i)) {
                addSentence(i);
            }
            sentenceOf[i] = sentences - 1;
            paragraphOf[i] = para;
        }
        paragraphs = para + 1;
        paragraphStart = new int[paragraphs];
        for (int i = n - 1; i >= 0; i--) {
            paragraphStart[paragraphOf[i]] = i;
        }
        zoneEnd = computeZone(titleLength);
        boilerplateStart = computeBoilerplate();
        leadEnd = Math.min(computeLeadEnd(), boilerplateStart);
    }

    /** Section headings after which a press release only has legal text: nothing there is news. */
    private static final java.util.List<String[]> BOILERPLATE = java.util.List.of(
            new String[] {"forward", "looking", "statement"}, new String[] {"forward", "looking", "statements"},
            new String[] {"safe", "harbor"}, new String[] {"cautionary", "note"},
            new String[] {"cautionary", "statement"}, new String[] {"cautionary", "statements"},
            new String[] {"disclaimer"},
            // Chinese filings: "风险提示" (risk warning), "前瞻性陈述" (forward-looking statements)
            new String[] {"风", "险", "提", "示"}, new String[] {"前", "瞻", "性", "陈", "述"});

    private int computeBoilerplate() {
        int n = tokens.size();
        for (int p = 1; p < paragraphs; p++) {
            int i = paragraphStart[p];
            if (i < zoneEnd) {
                continue;
            }
            i = afterEnumerator(i);
            for (String[] heading : BOILERPLATE) {
                boolean match = i + heading.length <= n;
                for (int k = 0; match && k < heading.length; k++) {
                    match = tokens.norm(i + k).equals(heading[k]);
                }
                if (match) {
                    return i;
                }
            }
        }
        return n;
    }

    private static final Set<String> CHINESE_NUMERALS = Set.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十");

    /** Past a section number: "三、风险提示", "(五)", "5." */
    private int afterEnumerator(int i) {
        int k = i;
        if (tokens.isPunct(k, '(')) {
            k++;
        }
        if (k < tokens.size() && (CHINESE_NUMERALS.contains(tokens.norm(k)) || tokens.type(k) == Tokens.NUMBER)) {
            k++;
            if (tokens.isPunct(k, ',') || tokens.isPunct(k, '.') || tokens.isPunct(k, ')')) {
                return k + 1;
            }
        }
        return i;
    }

    /** First token of the legal boilerplate ("Forward-Looking Statements ..."), or the token count. */
    public int boilerplateStart() {
        return boilerplateStart;
    }

    private void addSentence(int start) {
        if (sentences == sentenceStart.length) {
            sentenceStart = Arrays.copyOf(sentenceStart, sentences * 2);
        }
        sentenceStart[sentences++] = start;
    }

    /** Token i opens a new sentence when the previous token is a full stop that ends one. */
    private boolean endsSentence(int i) {
        int p = i - 1;
        if (p < 1) {
            return false;
        }
        if (fullWidthStop(p)) {
            return true; // Chinese needs no space or capital after "。"
        }
        boolean stop = tokens.isPunct(p, '.') || tokens.isPunct(p, '!') || tokens.isPunct(p, '?');
        if (stop && ChineseScript.isIdeograph(tokens.text().charAt(tokens.start(i)))) {
            return true;
        }
        if (!stop || tokens.glued(i)) {
            return false;
        }
        char first = tokens.text().charAt(tokens.start(i));
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '(' || first == '[')) {
            return false;
        }
        if (!tokens.isPunct(p, '.')) {
            return true;
        }
        String before = tokens.norm(p - 1);
        return !initial(p - 1) && !ABBREVIATIONS.contains(before);
    }

    /** "。", "！", "？" and "；": a Chinese semicolon joins clauses that each tell their own event and date. */
    private boolean fullWidthStop(int p) {
        if (tokens.type(p) != Tokens.PUNCT) {
            return false;
        }
        char c = tokens.text().charAt(tokens.start(p));
        return c == '\u3002' || c == '\uff01' || c == '\uff1f' || c == '\uff1b';
    }

    /**
     * "U.S." and "Michael J. Fox" carry initials; "hemophilia B." ends a sentence. An initial is a capital
     * letter glued to another letter ("U.S.") or following a capitalised name.
     */
    private boolean initial(int k) {
        if (tokens.norm(k).length() != 1 || tokens.type(k) != Tokens.WORD
                || !Character.isUpperCase(tokens.text().charAt(tokens.start(k)))) {
            return false;
        }
        return k > 0 && (tokens.glued(k) || tokens.capitalized(k - 1));
    }

    private int computeZone(int titleLength) {
        int n = tokens.size();
        int i = titleLength > 0 ? tokens.indexAtOrAfter(titleLength) : 0;
        int lines = 0;
        while (i < n && lines < MAX_ZONE_LINES) {
            int end = paragraphEndFrom(i);
            if (chars(i, end) >= SHORT_LINE || endsWithFullStop(end)) {
                break; // running text: the lead paragraph
            }
            i = end;
            lines++;
        }
        return i;
    }

    /** The opening: the headline zone and the paragraphs after it until some running text has been read. */
    private int computeLeadEnd() {
        int n = tokens.size();
        int i = zoneEnd;
        int read = 0;
        while (i < n && read < SHORT_LINE) {
            if (read > 0 && tokens.is(i, "about") && tokens.capitalized(i)) {
                break; // "About NSCLC", "About the company": background sections
            }
            int end = paragraphEndFrom(i);
            read += chars(i, end);
            i = end;
        }
        return i;
    }

    private int paragraphEndFrom(int i) {
        int p = paragraphOf[i];
        int end = i;
        while (end < tokens.size() && paragraphOf[end] == p) {
            end++;
        }
        return end;
    }

    /**
     * Length of tokens [from, to) in English-equivalent characters: a Chinese character carries about as much
     * as three Latin letters, so a Chinese headline or lead is measured by what it says, not by its chars.
     */
    private int chars(int from, int to) {
        int ideographs = 0;
        for (int i = from; i < to; i++) {
            if (tokens.ideograph(i)) {
                ideographs++;
            }
        }
        return tokens.end(to - 1) - tokens.start(from) + 2 * ideographs;
    }

    /** "... set for Q2 2017." is a sentence; "... Co., Ltd." and a headline are not. */
    private boolean endsWithFullStop(int end) {
        int last = end - 1;
        if (last >= 8 && fullWidthStop(last)) {
            return true;
        }
        if (last < 1 || !tokens.isPunct(last, '.')) {
            return false;
        }
        String before = tokens.norm(last - 1);
        return !initial(last - 1) && !ABBREVIATIONS.contains(before) && last >= 8;
    }

    /** One past the last token of the opening (headline zone plus the first paragraph of running text). */
    public int leadEnd() {
        return leadEnd;
    }

    public int sentenceCount() {
        return sentences;
    }

    public int sentenceOf(int token) {
        return sentenceOf[token];
    }

    public int paragraphOf(int token) {
        return paragraphOf[token];
    }

    public int paragraphCount() {
        return paragraphs;
    }

    /** First token of sentence s. */
    public int sentenceStart(int s) {
        return sentenceStart[s];
    }

    /** One past the last token of sentence s. */
    public int sentenceEnd(int s) {
        return s + 1 < sentences ? sentenceStart[s + 1] : tokens.size();
    }

    /** Tokens before this index are the headline zone. */
    public int zoneEnd() {
        return zoneEnd;
    }

    public boolean inZone(int token) {
        return token < zoneEnd;
    }

    /** First token of the paragraph containing the token. */
    public int paragraphStart(int token) {
        return paragraphStart[paragraphOf[token]];
    }
}
