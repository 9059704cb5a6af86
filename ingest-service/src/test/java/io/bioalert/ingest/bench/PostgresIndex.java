package io.bioalert.ingest.bench;

import io.bioalert.ingest.dedup.Fingerprint;
import io.bioalert.ingest.store.BatchPlan;
import io.bioalert.ingest.store.KnownStories;
import io.bioalert.ingest.store.PreparedStory;
import io.bioalert.testkit.PostgresServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Embedded PostgreSQL with the service's schema, loaded with the stored fingerprints; lookups use the service's SQL. */
final class PostgresIndex implements AutoCloseable {

    private final PostgresServer server;
    private final Connection connection;

    private PostgresIndex(PostgresServer server, Connection connection) {
        this.server = server;
        this.connection = connection;
    }

    static PostgresIndex start(List<Fingerprint> prints) throws Exception {
        PostgresServer server = PostgresServer.startEmbedded(0);
        Connection c = DriverManager.getConnection(server.jdbcUrl("bench") + "?reWriteBatchedInserts=true",
                server.user(), server.password());
        try (Statement s = c.createStatement()) {
            for (String migration : List.of("V1__announcements.sql", "V2__sources_urls_fingerprints.sql")) {
                try (InputStream in = PostgresIndex.class.getResourceAsStream("/db/migration/" + migration)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        try (PreparedStatement a = c.prepareStatement("INSERT INTO announcement (id, body, source, ingested_at,"
                + " published_to_kafka_at, content_hash, minhash, token_count) VALUES (?, 'synthetic', 'bench', ?, ?, ?, ?, ?)");
             PreparedStatement b = c.prepareStatement("INSERT INTO announcement_band (band, hash, announcement_id) VALUES (?, ?, ?)")) {
            java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
            for (int i = 0; i < prints.size(); i++) {
                Fingerprint fp = prints.get(i);
                String id = "b-" + i;
                a.setString(1, id);
                a.setTimestamp(2, now);
                a.setTimestamp(3, now);
                a.setString(4, fp.contentHash());
                a.setBytes(5, fp.minhashBytes());
                a.setInt(6, fp.tokens());
                a.addBatch();
                int[] bands = fp.bands();
                for (int k = 0; k < bands.length; k++) {
                    b.setShort(1, (short) k);
                    b.setInt(2, bands[k]);
                    b.setString(3, id);
                    b.addBatch();
                }
                if (i % 2000 == 1999) {
                    a.executeBatch();
                    b.executeBatch();
                    c.commit();
                }
            }
            a.executeBatch();
            b.executeBatch();
            c.commit();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        c.setAutoCommit(true);
        System.out.printf(Locale.ROOT, "PostgreSQL loaded with %,d stories and their bands in %.1f s%n", prints.size(),
                (System.nanoTime() - t0) / 1e9);
        return new PostgresIndex(server, c);
    }

    /** The service's lookup and decision for a batch of this one story: known when it is not new. */
    boolean isKnown(Fingerprint fp) throws Exception {
        PreparedStory story = new PreparedStory("bench-" + fp.contentHash(), null, "synthetic", null, null, "bench", "en", fp);
        List<PreparedStory> batch = List.of(story);
        return BatchPlan.of(batch, KnownStories.lookup(connection, batch)).created().isEmpty();
    }

    @Override
    public void close() throws Exception {
        connection.close();
        server.close();
    }
}
