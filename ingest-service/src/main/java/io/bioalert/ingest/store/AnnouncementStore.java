package io.bioalert.ingest.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One story, one announcement: a story is stored unless its URL, its id or its content (exact or near
 * copy) is already known, in which case its URL is recorded on the announcement it repeats. Every way in
 * (a push, a batch push, a file import, a feed or page poll) comes through here and takes the same batch
 * path: the stories are prepared in the caller's thread, stored with whatever else is queued in one
 * transaction ({@link GroupCommit}), and the new ones handed to the {@link OutboxRelay} after the commit.
 * When this returns, the stories are stored and will be published.
 */
@ApplicationScoped
public class AnnouncementStore {

    private final GroupCommit groupCommit;
    private final DataSource dataSource;

    AnnouncementStore(GroupCommit groupCommit, DataSource dataSource) {
        this.groupCommit = groupCommit;
        this.dataSource = dataSource;
    }

    public IngestResult ingest(Story story) {
        return ingestAll(List.of(story)).get(0);
    }

    /** One result per story, in order; stories of the list that repeat each other are one announcement. */
    public List<IngestResult> ingestAll(List<Story> stories) {
        return groupCommit.store(stories.stream().map(PreparedStory::of).toList());
    }

    /** The URLs among these that were seen before: lets pollers skip fetching and cleaning known items. */
    public Set<String> knownUrls(List<String> urls) {
        Set<String> canonical = new LinkedHashSet<>();
        urls.forEach(u -> canonical.add(AnnouncementIds.canonicalUrl(u)));
        Set<String> known = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT url FROM announcement_url WHERE url = ANY(?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", canonical.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up known URLs", e);
        }
        Set<String> result = new HashSet<>();
        urls.stream().filter(u -> known.contains(AnnouncementIds.canonicalUrl(u))).forEach(result::add);
        return result;
    }
}
