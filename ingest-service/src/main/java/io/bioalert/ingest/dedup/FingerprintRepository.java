package io.bioalert.ingest.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The near-duplicate index, kept in PostgreSQL so every ingest instance sees the same one: the exact
 * content hash on the announcement, and the LSH band hashes in {@code announcement_band}, indexed by
 * (band, hash). No in-memory copy: a per-instance cache would miss what another instance stored a
 * moment ago, and 16 indexed equality lookups stay cheap (at 100k stories a band hash matches ~0 rows
 * by chance). Band hashes are ints we computed, so they are written into the SQL as literals.
 */
@ApplicationScoped
public class FingerprintRepository {

    private static final int ID_LOCK_SPACE = MinHash.BANDS;

    private final EntityManager em;

    FingerprintRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Serialises, across instances, the check-then-insert of stories that could be one: near copies
     * share a band hash with high probability, two fetches of one URL share the id, and each takes the
     * same transaction-scoped advisory lock. One statement; locks in one global order, so no deadlock.
     */
    public void lockFor(Fingerprint fp, String id) {
        int[] bands = fp.bands();
        long[][] keys = new long[bands.length + 1][];
        for (int b = 0; b < bands.length; b++) {
            keys[b] = new long[] {b, bands[b]};
        }
        keys[bands.length] = new long[] {ID_LOCK_SPACE, id.hashCode()};
        java.util.Arrays.sort(keys, java.util.Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]));
        StringJoiner values = new StringJoiner(",");
        for (long[] k : keys) {
            values.add("(" + k[0] + "," + k[1] + ")");
        }
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(k1, k2)) FROM (VALUES " + values + ") v(k1, k2)")
                .getSingleResult();
    }

    /** The stored announcement this story is the same as, the most similar one if several. */
    public Optional<String> findSameStory(Fingerprint fp) {
        List<?> rows = em.createNativeQuery(candidatesSql(fp)).setParameter(1, fp.contentHash()).getResultList();
        String best = null;
        double bestSimilarity = -1;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            int[] minhash = Fingerprint.minhashOf((byte[]) r[2]);
            int tokens = r[3] == null ? 0 : ((Number) r[3]).intValue();
            if (fp.sameStoryAs((String) r[1], minhash, tokens)) {
                double similarity = fp.contentHash().equals(r[1]) ? 2 : MinHash.similarity(fp.minhash(), minhash);
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = (String) r[0];
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Records the band hashes of a newly stored announcement (same transaction as its row). */
    public void saveBands(String id, Fingerprint fp) {
        if (!fp.nearCandidate()) {
            return; // never compared as a near copy, so never needs to be found as one
        }
        int[] bands = fp.bands();
        StringJoiner values = new StringJoiner(",");
        for (int b = 0; b < bands.length; b++) {
            values.add("(" + b + "," + bands[b] + ",?1)");
        }
        em.createNativeQuery("INSERT INTO announcement_band (band, hash, announcement_id) VALUES " + values
                + " ON CONFLICT DO NOTHING").setParameter(1, id).executeUpdate();
    }

    /** Stored stories that share the exact hash or an LSH band; parameter 1 is the content hash. Public for the bench. */
    public static String candidatesSql(Fingerprint fp) {
        // UNION ALL of two index lookups: an OR across the two conditions made PostgreSQL scan the table.
        String sql = "SELECT id, content_hash, minhash, token_count FROM announcement WHERE content_hash = ?1";
        if (fp.nearCandidate()) {
            sql += " UNION ALL SELECT a.id, a.content_hash, a.minhash, a.token_count FROM announcement_band b"
                    + " JOIN announcement a ON a.id = b.announcement_id WHERE (b.band, b.hash) IN ("
                    + bandList(fp.bands()) + ")";
        }
        return sql + " LIMIT 200";
    }

    private static String bandList(int[] bands) {
        StringJoiner list = new StringJoiner(",");
        for (int b = 0; b < bands.length; b++) {
            list.add("(" + b + "," + bands[b] + ")");
        }
        return list.toString();
    }
}
