package io.bioalert.ingest.store;

import io.bioalert.ingest.config.IngestConfig;
import io.bioalert.model.RawAnnouncement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Stores a batch of stories in one transaction of four round trips, whatever its size: the store lock, the
 * duplicate lookup ({@link KnownStories}), one insert statement for announcements, URLs and bands, and the
 * commit. Then hands the new announcements to the {@link OutboxRelay}.
 *
 * <p>Plain JDBC through the service's (Agroal) datasource rather than Hibernate: the batch is a handful of
 * set-based statements with array parameters ({@code = ANY(?)}, {@code unnest(?)}) and {@code RETURNING},
 * which JPA cannot express on entities, and persisting entities would add a persistence context, dirty
 * checking and one INSERT per row and table, the cost this class exists to remove.
 */
@ApplicationScoped
class BatchWriter {

    /**
     * The one transaction-scoped advisory lock every store transaction of every instance takes first, so
     * that two instances never both store two copies of one story. One lock per batch rather than one per
     * story and band: a batch of 1,000 would take 17,000 locks and overflow PostgreSQL's shared lock table
     * (max_locks_per_transaction × max_connections, 6,400 by default); and near copies can share any band,
     * so two batches of any size almost always share a lock anyway. The lookup runs after the lock, in a
     * statement of its own, so that its snapshot sees what the previous holder committed.
     */
    static final long STORE_LOCK = 0x62696f616c657274L; // "bioalert" in ASCII

    private static final String INSERT = """
            WITH created AS (
                INSERT INTO announcement (id, title, body, url, published_at, source, ingested_at, content_hash,
                                          minhash, token_count, language, publish_claimed_until)
                SELECT s.id, s.title, s.body, s.url, s.published_at::date, s.source, ?, s.content_hash, s.minhash,
                       s.token_count, s.language, now() + ? * interval '1 millisecond'
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[],
                            ?::int[], ?::text[])
                     AS s(id, title, body, url, published_at, source, content_hash, minhash, token_count, language)
                ON CONFLICT (id) DO NOTHING
                RETURNING id),
            urls AS (
                INSERT INTO announcement_url (url, announcement_id, source, seen_at)
                SELECT u.url, u.announcement_id, u.source, ? + u.n * interval '1 microsecond'
                FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(url, announcement_id, source, n)
                ON CONFLICT (url) DO NOTHING),
            bands AS (
                INSERT INTO announcement_band (band, hash, announcement_id)
                SELECT * FROM unnest(?::smallint[], ?::int[], ?::text[])
                ON CONFLICT DO NOTHING)
            SELECT id FROM created""";

    private final DataSource dataSource;
    private final OutboxRelay relay;
    private final Duration claim;
    private final Counter created;
    private final Counter duplicates;
    private final DistributionSummary batches;

    BatchWriter(DataSource dataSource, OutboxRelay relay, IngestConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.claim = config.publish().claim();
        this.created = registry.counter("bioalert.ingest.stories", "outcome", "new");
        this.duplicates = registry.counter("bioalert.ingest.stories", "outcome", "duplicate");
        this.batches = DistributionSummary.builder("bioalert.ingest.store.batch.stories")
                .description("stories per store transaction").register(registry);
    }

    /** Stores the batch, commits, hands the new announcements to the relay; one result per story, in order. */
    List<IngestResult> store(List<PreparedStory> stories) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it, so a republished record is equal
        BatchPlan plan = QuarkusTransaction.requiringNew().call(() -> write(stories, now));
        List<RawAnnouncement> fresh = plan.published(now);
        batches.record(stories.size());
        created.increment(fresh.size());
        duplicates.increment(stories.size() - fresh.size());
        if (!fresh.isEmpty()) {
            relay.relay(fresh, now.plus(claim));
        }
        return plan.results();
    }

    private BatchPlan write(List<PreparedStory> stories, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, STORE_LOCK);
                lock.execute();
            }
            BatchPlan plan = BatchPlan.of(stories, KnownStories.lookup(c, stories));
            if (!plan.created().isEmpty() || !plan.urlRows().isEmpty()) {
                plan.keepCreated(insert(c, plan, now));
            }
            return plan;
        }
    }

    /** One statement for the three tables; returns the ids of the announcements actually inserted. */
    private Set<String> insert(Connection c, BatchPlan plan, Instant now) throws SQLException {
        List<PreparedStory> rows = plan.created();
        int n = rows.size();
        String[] ids = new String[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        String[] urls = new String[n];
        String[] dates = new String[n];
        String[] sources = new String[n];
        String[] hashes = new String[n];
        byte[][] minhashes = new byte[n][];
        Integer[] tokens = new Integer[n];
        String[] languages = new String[n];
        List<Short> bandNumbers = new ArrayList<>();
        List<Integer> bandHashes = new ArrayList<>();
        List<String> bandIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PreparedStory s = rows.get(i);
            ids[i] = s.id();
            titles[i] = s.title();
            bodies[i] = s.body();
            urls[i] = s.url();
            dates[i] = s.publishedAt() == null ? null : s.publishedAt().toString();
            sources[i] = s.source();
            hashes[i] = s.fingerprint().contentHash();
            minhashes[i] = s.fingerprint().minhashBytes();
            tokens[i] = s.fingerprint().tokens();
            languages[i] = s.language();
            if (s.fingerprint().nearCandidate()) { // a story compared only exactly is never looked up by band
                int[] bands = s.fingerprint().bands();
                for (int b = 0; b < bands.length; b++) {
                    bandNumbers.add((short) b);
                    bandHashes.add(bands[b]);
                    bandIds.add(s.id());
                }
            }
        }
        List<BatchPlan.UrlRow> urlRows = plan.urlRows();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int p = 1;
            ps.setObject(p++, at);
            ps.setLong(p++, claim.toMillis());
            for (Object[] column : List.<Object[]>of(ids, titles, bodies, urls, dates, sources, hashes)) {
                ps.setArray(p++, c.createArrayOf("text", column));
            }
            ps.setArray(p++, c.createArrayOf("bytea", minhashes));
            ps.setArray(p++, c.createArrayOf("int4", tokens));
            ps.setArray(p++, c.createArrayOf("text", languages));
            ps.setObject(p++, at);
            ps.setArray(p++, c.createArrayOf("text", urlRows.stream().map(BatchPlan.UrlRow::url).toArray()));
            ps.setArray(p++, c.createArrayOf("text", urlRows.stream().map(BatchPlan.UrlRow::announcementId).toArray()));
            ps.setArray(p++, c.createArrayOf("text", urlRows.stream().map(BatchPlan.UrlRow::source).toArray()));
            ps.setArray(p++, c.createArrayOf("int2", bandNumbers.toArray()));
            ps.setArray(p++, c.createArrayOf("int4", bandHashes.toArray()));
            ps.setArray(p, c.createArrayOf("text", bandIds.toArray()));
            Set<String> inserted = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
            return inserted;
        }
    }
}
