package io.bioalert.classifier.core.match;

import io.bioalert.classifier.core.lexicon.Cue;
import io.bioalert.classifier.core.lexicon.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionary matches of one text, indexed for the rule passes.
 *
 * <p>Within a kind, overlapping matches are resolved longest-first ("human epidermal growth factor
 * receptor 3" beats "epidermal growth factor receptor"; "fast track approval" beats "approval"). Context cues
 * are kept whole, as bit masks per token, because several may legitimately overlap.
 */
public final class Matches {
    private final Map<Kind, List<Match>> byKind = new EnumMap<>(Kind.class);
    private final Map<Kind, int[]> covering = new EnumMap<>(Kind.class);
    private final int[] cueStarts;
    private final int[] cueEnds;

    public Matches(List<Match> all, int tokenCount) {
        cueStarts = new int[tokenCount + 1];
        cueEnds = new int[tokenCount + 1];
        Map<Kind, List<Match>> raw = new EnumMap<>(Kind.class);
        for (Match m : all) {
            if (m.kind() == Kind.CUE) {
                int bit = m.entry().cueBit();
                cueStarts[m.from()] |= bit;
                cueEnds[m.to() - 1] |= bit;
            } else {
                raw.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Kind k : Kind.values()) {
            List<Match> kept = longestFirst(raw.getOrDefault(k, List.of()), tokenCount);
            byKind.put(k, kept);
            if (kept.isEmpty()) {
                continue;
            }
            int[] cover = new int[tokenCount]; // index + 1 of the covering match; 0 = none
            for (int i = 0; i < kept.size(); i++) {
                for (int t = kept.get(i).from(); t < kept.get(i).to(); t++) {
                    cover[t] = i + 1;
                }
            }
            covering.put(k, cover);
        }
    }

    /** Adds matches of one kind found by a later pass (SymbolTargets); only that kind is re-indexed. */
    public void addAll(Kind kind, List<Match> extra) {
        List<Match> merged = new ArrayList<>(byKind.get(kind));
        merged.addAll(extra);
        int tokenCount = cueStarts.length - 1;
        List<Match> kept = longestFirst(merged, tokenCount);
        byKind.put(kind, kept);
        int[] cover = new int[tokenCount];
        for (int i = 0; i < kept.size(); i++) {
            for (int t = kept.get(i).from(); t < kept.get(i).to(); t++) {
                cover[t] = i + 1;
            }
        }
        covering.put(kind, cover);
    }

    private static List<Match> longestFirst(List<Match> ms, int tokenCount) {
        if (ms.isEmpty()) {
            return List.of();
        }
        List<Match> sorted = new ArrayList<>(ms);
        sorted.sort(Comparator.comparingInt(Match::length).reversed().thenComparingInt(Match::from));
        boolean[] taken = new boolean[tokenCount];
        List<Match> kept = new ArrayList<>();
        for (Match m : sorted) {
            boolean free = true;
            for (int t = m.from(); t < m.to() && free; t++) {
                free = !taken[t];
            }
            if (free) {
                for (int t = m.from(); t < m.to(); t++) {
                    taken[t] = true;
                }
                kept.add(m);
            } else if (!kept.isEmpty()) {
                // a second meaning of exactly the same span (an alias listed under two ids) is kept too
                for (Match k : kept) {
                    if (k.from() == m.from() && k.to() == m.to() && !k.value().equals(m.value())) {
                        kept.add(m);
                        break;
                    }
                }
            }
        }
        kept.sort(Comparator.comparingInt(Match::from));
        return kept;
    }

    public List<Match> of(Kind kind) {
        return byKind.get(kind);
    }

    /** The match of this kind covering the token, or null. */
    public Match at(Kind kind, int token) {
        if (token < 0) {
            return null;
        }
        int[] cover = covering.get(kind);
        if (cover == null || token >= cover.length || cover[token] == 0) {
            return null;
        }
        return byKind.get(kind).get(cover[token] - 1);
    }

    public boolean cueStartsAt(Cue cue, int token) {
        return token >= 0 && token < cueStarts.length && (cueStarts[token] & (1 << cue.ordinal())) != 0;
    }

    public boolean cueEndsAt(Cue cue, int token) {
        return token >= 0 && token < cueEnds.length && (cueEnds[token] & (1 << cue.ordinal())) != 0;
    }

    /** Index of the last token of the nearest cue ending in [from, to), searching backwards; -1 if none. */
    public int lastCueEnd(Cue cue, int from, int to) {
        for (int t = to - 1; t >= Math.max(0, from); t--) {
            if (cueEndsAt(cue, t)) {
                return t;
            }
        }
        return -1;
    }

    /** Index of the first token of the nearest cue starting in [from, to); -1 if none. */
    public int firstCueStart(Cue cue, int from, int to) {
        for (int t = Math.max(0, from); t < to && t < cueStarts.length; t++) {
            if (cueStartsAt(cue, t)) {
                return t;
            }
        }
        return -1;
    }
}
