package io.bioalert.classifier.service.api;

import io.bioalert.classifier.service.processing.AnnouncementClassification;
import io.bioalert.model.Classification;
import io.bioalert.model.RawAnnouncement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

@Path("/api/classify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    private final AnnouncementClassification classification;

    ClassifyResource(AnnouncementClassification classification) {
        this.classification = classification;
    }

    /** One announcement in, its classification (taxonomy.md section 5) out. Nothing is stored or published. */
    @POST
    public Classification classify(@Valid @NotNull ClassifyRequest request) {
        String id = request.id() == null || request.id().isBlank() ? UUID.randomUUID().toString() : request.id();
        RawAnnouncement announcement = new RawAnnouncement(RawAnnouncement.SCHEMA_VERSION, id, request.title(),
                request.body(), request.url(), request.url() == null ? List.of() : List.of(request.url()),
                request.publishedAt(), "api", null);
        return classification.classify(announcement).classification();
    }
}
