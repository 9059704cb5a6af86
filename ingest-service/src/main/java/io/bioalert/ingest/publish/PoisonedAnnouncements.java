package io.bioalert.ingest.publish;

import io.bioalert.ingest.announcement.Announcement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What operators see of the announcements the broker refused for good; bodies are never loaded here. */
@ApplicationScoped
public class PoisonedAnnouncements {

    /** One poisoned announcement and why. */
    public record Item(String id, String source, String title, String url, Instant ingestedAt, Instant poisonedAt,
            String reason) {
    }

    /** Newest poisoned first, with the total. */
    public record Page(List<Item> items, int page, int size, long total) {
    }

    /** A source's poisoned stories: how many, and the newest one's reason. */
    public record Summary(long count, String lastReason) {
        public static final Summary NONE = new Summary(0, null);
    }

    private final EntityManager em;

    PoisonedAnnouncements(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Page list(int page, int size) {
        List<Item> items = em.createQuery("""
                select a.id, a.source, a.title, a.url, a.ingestedAt, a.poisonedAt, a.poisonReason
                from Announcement a where a.poisonedAt is not null order by a.poisonedAt desc, a.id""", Object[].class)
                .setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(r -> new Item((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Instant) r[4],
                        (Instant) r[5], (String) r[6]))
                .toList();
        long total = Announcement.count("poisonedAt is not null");
        return new Page(items, page, size, total);
    }

    /** Per source name; sources without poisoned stories are absent. */
    @Transactional
    public Map<String, Summary> bySource() {
        Map<String, Summary> summaries = new HashMap<>();
        for (Object[] row : em.createQuery("""
                select a.source, count(a) from Announcement a where a.poisonedAt is not null group by a.source""",
                Object[].class).getResultList()) {
            String source = (String) row[0];
            summaries.put(source, new Summary(((Number) row[1]).longValue(), lastReason(source)));
        }
        return summaries;
    }

    @Transactional
    public Summary ofSource(String source) {
        long count = Announcement.count("source = ?1 and poisonedAt is not null", source);
        return count == 0 ? Summary.NONE : new Summary(count, lastReason(source));
    }

    private String lastReason(String source) {
        return em.createQuery("""
                select a.poisonReason from Announcement a where a.source = ?1 and a.poisonedAt is not null
                order by a.poisonedAt desc, a.id""", String.class)
                .setParameter(1, source).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }
}
