package io.bioalert.classifier.core.doc;

import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Lexicon;
import io.bioalert.classifier.core.match.Match;
import io.bioalert.classifier.core.match.Matches;
import io.bioalert.classifier.core.match.SymbolTargets;
import io.bioalert.classifier.core.text.DateFinder;
import io.bioalert.classifier.core.text.DateMention;
import io.bioalert.classifier.core.text.Layout;
import io.bioalert.classifier.core.text.Tokenizer;
import io.bioalert.classifier.core.text.Tokens;
import java.time.LocalDate;
import java.util.List;

/**
 * One announcement under analysis: its text, tokens, layout, dictionary matches and dates. Built once per
 * classification and read by every extractor; never shared between threads.
 */
public final class Doc {
    public final Lexicon lexicon;
    public final String text;
    public final Tokens tokens;
    public final Layout layout;
    public final Matches matches;
    public final List<DateMention> dates;
    /** The announcement date: publishedAt, else the dateline; may be null. Its year may be unknown (0). */
    public final DateMention date;
    /** The announcement's day: {@link #date} when its year is known (a valid date), else null. */
    public final LocalDate day;
    public final LocalDate publishedAt;

    public Doc(Lexicon lexicon, String title, String body, LocalDate publishedAt) {
        this.lexicon = lexicon;
        boolean hasTitle = title != null && !title.isBlank();
        this.text = hasTitle ? title + "\n\n" + body : body;
        this.tokens = Tokenizer.tokenize(text);
        this.layout = new Layout(tokens, hasTitle ? title.length() : 0);
        this.matches = matchAll(lexicon, tokens);
        this.dates = DateFinder.find(tokens);
        this.publishedAt = publishedAt;
        this.date = publishedAt != null
                ? new DateMention(-1, -1, publishedAt.getYear(), publishedAt.getMonthValue(), publishedAt.getDayOfMonth())
                : dateline();
        this.day = dayOf(date);
    }

    private static LocalDate dayOf(DateMention d) {
        if (d == null || d.year() == 0 || !d.hasDay()) {
            return null;
        }
        try {
            return LocalDate.of(d.year(), d.month(), d.day());
        } catch (java.time.DateTimeException e) {
            return null; // a dateline such as "February 30": no reference day
        }
    }

    /** Slack for "On December 14, ... announced" in a story dated December 15. */
    public static final int SLACK_DAYS = 14;

    /** True when a date written in the sentence lies more than {@link #SLACK_DAYS} before the announcement's day. */
    public boolean pastDateInSentence(int sentence) {
        if (day == null) {
            return false;
        }
        for (DateMention d : dates) {
            if (d.from() >= 0 && sentenceOf(d.from()) == sentence && d.before(day, SLACK_DAYS)) {
                return true;
            }
        }
        return false;
    }

    /** Dictionary matches, plus unknown gene symbols in a target relation (SymbolTargets). */
    private static Matches matchAll(Lexicon lexicon, Tokens tokens) {
        Matches m = new Matches(lexicon.trie().findAll(tokens), tokens.size());
        List<Match> symbols = SymbolTargets.find(tokens, m, lexicon.inn(), lexicon::isTarget);
        if (!symbols.isEmpty()) {
            m.addAll(io.bioalert.classifier.core.lexicon.Kind.TARGET, symbols);
        }
        return m;
    }

    /** The first day-precise date in the headline zone or the first body sentence. */
    private DateMention dateline() {
        int limit = layout.zoneEnd();
        if (layout.sentenceCount() > 0) {
            int s = layout.sentenceOf(Math.min(limit, tokens.size() - 1));
            limit = Math.max(limit, layout.sentenceEnd(s));
        }
        for (DateMention d : dates) {
            if (d.from() >= limit) {
                break;
            }
            if (d.hasDay()) {
                return d;
            }
        }
        return null;
    }

    /**
     * End of the headline zone plus the first `count` sentences of running text (8 tokens or more, so that
     * "Image Source: Public Domain" lines do not count): drugs named later are mostly comparators, partners
     * or background.
     */
    public int openingSentencesEnd(int count) {
        return sentencesEnd(count, layout.leadEnd());
    }

    /** End of the headline zone plus the first `count` sentences of running text, across paragraphs. */
    public int runningSentencesEnd(int count) {
        return sentencesEnd(count, layout.boilerplateStart());
    }

    private int sentencesEnd(int count, int limit) {
        int t = layout.zoneEnd();
        int seen = 0;
        while (t < limit && seen < count) {
            int end = sentenceEnd(t);
            if (end - t >= 8) {
                seen++;
            }
            t = end;
        }
        return Math.min(t, limit);
    }

    public int sentenceOf(int token) {
        return layout.sentenceOf(token);
    }

    public int sentenceStart(int token) {
        return layout.sentenceStart(layout.sentenceOf(token));
    }

    public int sentenceEnd(int token) {
        return layout.sentenceEnd(layout.sentenceOf(token));
    }

    /** True when the cue ends within `window` tokens before `token`, inside the same sentence. */
    public boolean cueBefore(Cue cue, int token, int window) {
        int from = Math.max(sentenceStart(token), token - window);
        return matches.lastCueEnd(cue, from, token) >= 0;
    }

    /** True when the cue ends on `token` or within `window` tokens before it, inside the same sentence. */
    public boolean cueAtOrBefore(Cue cue, int token, int window) {
        int from = Math.max(sentenceStart(token), token - window);
        return matches.lastCueEnd(cue, from, token + 1) >= 0;
    }

    /** True when the cue starts within `window` tokens after `token` (exclusive), inside the same sentence. */
    public boolean cueAfter(Cue cue, int token, int window) {
        int to = Math.min(sentenceEnd(token), token + 1 + window);
        return matches.firstCueStart(cue, token + 1, to) >= 0;
    }

    /** Text of tokens [from, to) as written. */
    public String span(int from, int to) {
        return text.substring(tokens.start(from), tokens.end(to - 1));
    }
}
