package io.bioalert.ingest.announcement;

import io.bioalert.model.RawAnnouncement;
import java.util.List;

/** One page of announcements, newest first, with the total that matched. */
public record AnnouncementPage(List<RawAnnouncement> items, int page, int size, long total) {
}
