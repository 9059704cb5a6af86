package io.bioalert.classifier.service.api;

import io.bioalert.classifier.service.processing.AnnouncementClassification;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** One announcement to classify (taxonomy.md section 5, input form). */
public record ClassifyRequest(
        @Size(max = 200) String id,
        @Size(max = 1000) String title,
        @NotBlank @Size(max = AnnouncementClassification.MAX_BODY_CHARS) String body,
        String url,
        LocalDate publishedAt) {
}
