package io.bioalert.ingest.announcement;

import io.bioalert.model.RawAnnouncement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/announcements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnouncementResource {

    private final AnnouncementStore store;

    AnnouncementResource(AnnouncementStore store) {
        this.store = store;
    }

    /** Accepts one story; 202 with its id. Publishing to Kafka happens once the story is stored. */
    @POST
    public Response push(@Valid @NotNull AnnouncementRequest request) {
        IngestResult result = store.ingest(request);
        return Response.accepted(result).build();
    }

    @GET
    @Path("/{id}")
    public RawAnnouncement get(@PathParam("id") String id) {
        Announcement a = Announcement.findById(id);
        if (a == null) {
            throw new NotFoundException("no announcement " + id);
        }
        return a.toRaw();
    }
}
