package io.bioalert.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.notify.flow.TestAnnouncements;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The match index follows watchlists written by other notify instances: rows are written here straight
 * into the shared database, as another instance would, and never through this instance's API.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class WatchlistIndexSyncTest {

    @Inject
    WatchlistIndex index;

    @Inject
    DataSource dataSource;

    @Test
    void aWatchlistCreatedAndDeletedElsewhereIsFollowed() throws Exception {
        String drug = "SYNC-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            insertWatchlist(c, id, drug);
        }
        index.refresh();
        assertThat(matches(drug)).contains(id);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE watchlist SET deleted_at = now(), updated_at = now(), change_seq = nextval('watchlist_change_seq')
                WHERE id = ?""")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        index.refresh();
        assertThat(matches(drug)).doesNotContain(id);
    }

    @Test
    void aChangeThatCommitsAfterAHigherOneIsFoundByTheSweep() throws Exception {
        String lateDrug = "LATE-" + UUID.randomUUID();
        String earlyDrug = "EARLY-" + UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            insertWatchlist(slow, late, lateDrug); // takes its change_seq now, commits last
            insertWatchlist(fast, early, earlyDrug);
            index.refresh(); // reads past the slow transaction's change_seq
            assertThat(matches(earlyDrug)).contains(early);
            slow.commit();
        }
        index.sweepNow();
        assertThat(matches(lateDrug)).contains(late);
    }

    private List<UUID> matches(String drug) {
        return index.match(AnnouncementFacts.of(TestAnnouncements.her2Btd(drug)));
    }

    private static void insertWatchlist(Connection c, UUID id, String drug) throws SQLException {
        UUID subscriber = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO subscriber (id, email, name, token_hash, created_at)
                VALUES (?, 'sync@example.org', 'sync', md5(random()::text) || md5(random()::text), now())""")) {
            ps.setObject(1, subscriber);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO watchlist (id, subscriber_id, name, filter_json, digest, created_at, updated_at, change_seq)
                VALUES (?, ?, 'from another instance', ?, 'IMMEDIATE', now(), now(), nextval('watchlist_change_seq'))""")) {
            ps.setObject(1, id);
            ps.setObject(2, subscriber);
            ps.setString(3, "{\"drugs\":[\"" + drug + "\"]}");
            ps.executeUpdate();
        }
    }
}
