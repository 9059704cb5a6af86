package io.bioalert.ingest.bench;

import io.bioalert.ingest.dedup.Fingerprint;
import io.bioalert.ingest.dedup.MinHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same LSH lookup as the store ({@code KnownStories}, {@code BatchPlan}), over a hash map instead of
 * PostgreSQL: isolates the cost of cleaning and fingerprinting from the database round trips.
 */
final class InMemoryIndex {

    private final Map<Long, List<Integer>> bands = new HashMap<>();
    private final Map<String, Integer> exact = new HashMap<>();
    private final List<Fingerprint> stored = new ArrayList<>();

    /** Index of the stored story this one is the same as, or -1 (and then it is stored). */
    int findOrAdd(Fingerprint fp) {
        Integer same = exact.get(fp.contentHash());
        if (same != null) {
            return same;
        }
        int[] b = fp.bands();
        if (fp.nearCandidate()) {
            int best = -1;
            double bestSimilarity = -1;
            for (int i = 0; i < b.length; i++) {
                for (int candidate : bands.getOrDefault(key(i, b[i]), List.of())) {
                    Fingerprint other = stored.get(candidate);
                    if (fp.sameStoryAs(other.contentHash(), other.minhash(), other.tokens())) {
                        double s = MinHash.similarity(fp.minhash(), other.minhash());
                        if (s > bestSimilarity) {
                            bestSimilarity = s;
                            best = candidate;
                        }
                    }
                }
            }
            if (best >= 0) {
                return best;
            }
        }
        int id = stored.size();
        stored.add(fp);
        exact.put(fp.contentHash(), id);
        if (fp.nearCandidate()) {
            for (int i = 0; i < b.length; i++) {
                bands.computeIfAbsent(key(i, b[i]), k -> new ArrayList<>(1)).add(id);
            }
        }
        return -1;
    }

    int size() {
        return stored.size();
    }

    private static long key(int band, int hash) {
        return ((long) band << 32) | (hash & 0xFFFFFFFFL);
    }
}
