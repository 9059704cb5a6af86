package io.bioalert.ingest.announcement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One URL a story was seen at (canonical form). A URL belongs to exactly one announcement. */
@Entity
@Table(name = "announcement_url")
public class AnnouncementUrl extends PanacheEntityBase {

    @Id
    public String url;

    @Column(name = "announcement_id", nullable = false)
    public String announcementId;

    @Column(nullable = false)
    public String source;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;

    /** Every URL of each announcement, first seen first. */
    public static Map<String, List<String>> forAnnouncements(Collection<String> ids) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        AnnouncementUrl.<AnnouncementUrl>find("announcementId in ?1 order by seenAt, url", ids).stream()
                .forEach(u -> byId.computeIfAbsent(u.announcementId, k -> new java.util.ArrayList<>()).add(u.url));
        return byId;
    }
}
