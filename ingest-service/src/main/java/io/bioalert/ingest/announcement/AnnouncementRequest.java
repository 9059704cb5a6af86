package io.bioalert.ingest.announcement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A story pushed through {@code POST /api/announcements}. */
public record AnnouncementRequest(
        @Size(max = 1000) String title,
        @NotBlank @Size(max = 1_000_000) String body,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        LocalDate publishedAt,
        @Size(max = 200) String source) {
}
