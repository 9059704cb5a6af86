package io.bioalert.notify.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Announcements by the values of their tags, for finding the few a filter may match among many stored ones
 * without visiting each: the reverse of {@link MatchIndex}, which finds the watchlists one announcement
 * matches. Positions are given out in order of {@link #add}; the candidates of a filter are a superset of
 * its matches, to be checked with {@link FilterMatcher#matches}. Not thread-safe: its owner locks.
 */
public final class FactIndex {

    private final Map<String, MatchIndex.IntList> postings = new HashMap<>();
    private int size;

    /** @return the position of this announcement */
    public int add(AnnouncementFacts a) {
        int position = size++;
        a.targets.forEach(v -> post("T", v, position));
        a.modalities.forEach(v -> post("M", v, position)); // with their ancestors, as filters see them
        a.eventTypes.forEach(v -> post("E", v, position)); // any event, history too: a superset is enough
        a.agencies.forEach(v -> post("A", v, position));
        a.drugs.forEach(v -> post("D", v, position));
        a.companyWords.forEach(v -> post("C", v, position));
        return position;
    }

    public int size() {
        return size;
    }

    /**
     * The positions the filter may match, ascending: those having a value the filter asks for in its most
     * selective field. Null when the filter asks only for keywords, which this index does not hold.
     */
    public int[] candidates(FilterMatcher matcher) {
        CompiledFilter f = matcher.compiled;
        String[][] fields = {keys("T", f.targets), keys("M", f.modalities), keys("E", f.eventTypes),
                keys("A", f.agencies), keys("D", f.drugs), companyKeys(f.paddedCompanies)};
        String[] best = null;
        long bestSize = Long.MAX_VALUE;
        for (String[] field : fields) {
            if (field.length == 0) {
                continue; // the filter does not constrain this field
            }
            long n = 0;
            for (String k : field) {
                MatchIndex.IntList list = postings.get(k);
                n += list == null ? 0 : list.size();
            }
            if (n < bestSize) {
                best = field;
                bestSize = n;
            }
        }
        if (best == null) {
            return null;
        }
        int[] out = new int[(int) bestSize];
        int at = 0;
        for (String k : best) {
            MatchIndex.IntList list = postings.get(k);
            if (list != null) {
                System.arraycopy(list.data, 0, out, at, list.size());
                at += list.size();
            }
        }
        if (best.length > 1) {
            Arrays.sort(out);
            int kept = 0;
            for (int i = 0; i < out.length; i++) {
                if (i == 0 || out[i] != out[i - 1]) {
                    out[kept++] = out[i];
                }
            }
            out = Arrays.copyOf(out, kept);
        }
        return out;
    }

    /** A company phrase can only stand in names holding each of its words: take its rarest word. */
    private String[] companyKeys(String[] paddedCompanies) {
        return Arrays.stream(paddedCompanies).map(p -> Arrays.stream(p.trim().split(" "))
                .map(w -> "C:" + w)
                .min((x, y) -> Integer.compare(count(x), count(y))).orElse("C:"))
                .distinct().toArray(String[]::new);
    }

    private int count(String key) {
        MatchIndex.IntList list = postings.get(key);
        return list == null ? 0 : list.size();
    }

    private static String[] keys(String field, String[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = field + ":" + values[i];
        }
        return out;
    }

    private void post(String field, String value, int position) {
        postings.computeIfAbsent(field + ":" + value, k -> new MatchIndex.IntList()).add(position);
    }
}
