package io.bioalert.ingest.publish;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Stored announcements that can never be published, with the broker's reason: for operators to act on. */
@Path("/api/announcements/poisoned")
@Produces(MediaType.APPLICATION_JSON)
public class PoisonedResource {

    private final PoisonedAnnouncements poisoned;

    PoisonedResource(PoisonedAnnouncements poisoned) {
        this.poisoned = poisoned;
    }

    @GET
    public PoisonedAnnouncements.Page list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return poisoned.list(page, size);
    }
}
