package io.bioalert.ingest.store;

import io.bioalert.ingest.dedup.Fingerprint;
import io.bioalert.ingest.dedup.MinHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database already knows of a batch's stories, read in one round trip: the URLs it has seen, the
 * ids it has stored, and the stored stories that share a content hash or an LSH band with one of them
 * (the candidates {@link BatchPlan} verifies). One statement with constant text and array parameters, so
 * the driver prepares it once per connection and PostgreSQL plans it once, whatever the batch's size.
 */
public final class KnownStories {

    /** A stored story that may be the same as one of the batch's. */
    public record Candidate(String id, String contentHash, int[] minhash, int tokens) {
    }

    /**
     * Each of the four lookups uses its index: the URL and id primary keys, the content hash index, and
     * for the bands a lateral index lookup per (band, hash) pair. A band hash shared by very many stories
     * (boilerplate leads) is cut at {@value #CANDIDATES_PER_BAND} candidates, which still leaves each story
     * more candidates than any single band could yield by chance.
     */
    static final int CANDIDATES_PER_BAND = 50;
    static final String SQL = """
            SELECT 'url', u.url, u.announcement_id, NULL, NULL::bytea, NULL::int, NULL::int, NULL::int
              FROM announcement_url u WHERE u.url = ANY(?::text[])
            UNION ALL
            SELECT 'id', a.id, a.id, NULL, NULL, NULL, NULL, NULL
              FROM announcement a WHERE a.id = ANY(?::text[])
            UNION ALL
            SELECT 'hash', NULL, a.id, a.content_hash, a.minhash, a.token_count, NULL, NULL
              FROM announcement a WHERE a.content_hash = ANY(?::text[])
            UNION ALL
            SELECT 'band', NULL, a.id, a.content_hash, a.minhash, a.token_count, k.band, k.hash
              FROM unnest(?::int[], ?::int[]) AS k(band, hash)
              CROSS JOIN LATERAL (SELECT b.announcement_id FROM announcement_band b
                                  WHERE b.band = k.band AND b.hash = k.hash LIMIT %d) b
              JOIN announcement a ON a.id = b.announcement_id""".formatted(CANDIDATES_PER_BAND);

    private final Map<String, String> urlOwners = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, List<Candidate>> byHash = new HashMap<>();
    private final Map<Long, List<Candidate>> byBand = new HashMap<>();

    private KnownStories() {
    }

    /** Nothing known: a batch against an empty database. */
    public static KnownStories none() {
        return new KnownStories();
    }

    /** What a database holding these stored stories would answer (for tests): URLs, ids and candidates. */
    static KnownStories of(Map<String, String> urlOwners, Set<String> ids, List<Candidate> stored) {
        KnownStories known = new KnownStories();
        known.urlOwners.putAll(urlOwners);
        known.ids.addAll(ids);
        for (Candidate c : stored) {
            known.ids.add(c.id());
            known.byHash.computeIfAbsent(c.contentHash(), k -> new ArrayList<>()).add(c);
            int[] bands = MinHash.bands(c.minhash());
            for (int b = 0; b < bands.length; b++) {
                known.byBand.computeIfAbsent(bandKey(b, bands[b]), k -> new ArrayList<>()).add(c);
            }
        }
        return known;
    }

    public static KnownStories lookup(Connection connection, List<PreparedStory> stories) throws SQLException {
        Set<String> urls = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> hashes = new LinkedHashSet<>();
        Set<Long> bandKeys = new LinkedHashSet<>();
        for (PreparedStory s : stories) {
            if (s.url() != null) {
                urls.add(s.url());
            }
            ids.add(s.id());
            hashes.add(s.fingerprint().contentHash());
            if (s.fingerprint().nearCandidate()) {
                int[] bands = s.fingerprint().bands();
                for (int b = 0; b < bands.length; b++) {
                    bandKeys.add(bandKey(b, bands[b]));
                }
            }
        }
        Integer[] bandNumbers = new Integer[bandKeys.size()];
        Integer[] bandHashes = new Integer[bandKeys.size()];
        int i = 0;
        for (long key : bandKeys) {
            bandNumbers[i] = (int) (key >>> 32);
            bandHashes[i++] = (int) key;
        }
        KnownStories known = new KnownStories();
        try (PreparedStatement ps = connection.prepareStatement(SQL)) {
            ps.setArray(1, connection.createArrayOf("text", urls.toArray()));
            ps.setArray(2, connection.createArrayOf("text", ids.toArray()));
            ps.setArray(3, connection.createArrayOf("text", hashes.toArray()));
            ps.setArray(4, connection.createArrayOf("int4", bandNumbers));
            ps.setArray(5, connection.createArrayOf("int4", bandHashes));
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Candidate> candidates = new HashMap<>();
                while (rs.next()) {
                    String kind = rs.getString(1);
                    String id = rs.getString(3);
                    switch (kind) {
                        case "url" -> known.urlOwners.put(rs.getString(2), id);
                        case "id" -> known.ids.add(id);
                        default -> {
                            Candidate c = candidates.get(id);
                            if (c == null) {
                                c = new Candidate(id, rs.getString(4), Fingerprint.minhashOf(rs.getBytes(5)), rs.getInt(6));
                                candidates.put(id, c);
                            }
                            if (kind.equals("hash")) {
                                known.byHash.computeIfAbsent(c.contentHash(), k -> new ArrayList<>()).add(c);
                            } else {
                                known.byBand.computeIfAbsent(bandKey(rs.getInt(7), rs.getInt(8)), k -> new ArrayList<>())
                                        .add(c);
                            }
                        }
                    }
                }
            }
        }
        return known;
    }

    static long bandKey(int band, int hash) {
        return ((long) band << 32) | (hash & 0xffffffffL);
    }

    /** The announcement that already holds this canonical URL, or null. */
    String urlOwner(String url) {
        return urlOwners.get(url);
    }

    boolean hasId(String id) {
        return ids.contains(id);
    }

    List<Candidate> withHash(String contentHash) {
        return byHash.getOrDefault(contentHash, List.of());
    }

    List<Candidate> withBand(int band, int hash) {
        return byBand.getOrDefault(bandKey(band, hash), List.of());
    }
}
