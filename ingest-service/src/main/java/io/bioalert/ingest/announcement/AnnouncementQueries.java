package io.bioalert.ingest.announcement;

import io.bioalert.model.RawAnnouncement;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Read side of the announcement table for the REST API. */
@ApplicationScoped
public class AnnouncementQueries {

    /** Every field optional; set ones are combined with AND. */
    public record Filter(String source, String text, LocalDate from, LocalDate to) {
    }

    @Transactional
    public Optional<RawAnnouncement> find(String id) {
        return Announcement.<Announcement>findByIdOptional(id).map(a -> Announcement.toRaw(List.of(a)).get(0));
    }

    @Transactional
    public AnnouncementPage list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.source() != null && !filter.source().isBlank()) {
            where.add("source = :source");
            params.and("source", filter.source().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(title) like :text or lower(body) like :text)");
            params.and("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            where.add("publishedAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("publishedAt <= :to");
            params.and("to", filter.to());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        Sort sort = Sort.descending("ingestedAt").and("id");
        PanacheQuery<Announcement> q = where.isEmpty()
                ? Announcement.findAll(sort)
                : Announcement.find(query, sort, params);
        List<Announcement> rows = q.page(page, size).list();
        return new AnnouncementPage(Announcement.toRaw(rows), page, size, q.count());
    }
}
