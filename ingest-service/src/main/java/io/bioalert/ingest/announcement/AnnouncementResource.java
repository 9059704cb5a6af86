package io.bioalert.ingest.announcement;

import io.bioalert.ingest.store.AnnouncementStore;
import io.bioalert.ingest.store.IngestResult;
import io.bioalert.model.RawAnnouncement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;

@Path("/api/announcements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnouncementResource {

    private final AnnouncementStore store;
    private final AnnouncementQueries queries;

    AnnouncementResource(AnnouncementStore store, AnnouncementQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /**
     * Accepts one story: 202 with its id once it is stored (with whatever other stories were queued at the
     * same moment, in one transaction); it is published to Kafka after that, asynchronously.
     */
    @POST
    public Response push(@Valid @NotNull AnnouncementRequest request) {
        return Response.accepted(store.ingest(Stories.fromRequest(request, "push"))).build();
    }

    /**
     * Accepts up to 1000 stories, stored in one transaction; 202 with one result per story, in order. A story
     * that repeats an earlier one of the same batch is a duplicate of it.
     */
    @POST
    @Path("/batch")
    public Response pushBatch(@NotNull @NotEmpty @Size(max = 1000) List<@Valid @NotNull AnnouncementRequest> requests) {
        List<IngestResult> results = store.ingestAll(requests.stream().map(r -> Stories.fromRequest(r, "push")).toList());
        return Response.accepted(results).build();
    }

    @GET
    @Path("/{id}")
    public RawAnnouncement get(@PathParam("id") String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException("no announcement " + id));
    }

    /** Newest first. {@code q} matches title or body (case-insensitive); dates bound the publication date. */
    @GET
    public AnnouncementPage list(@QueryParam("source") String source, @QueryParam("q") String q,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return queries.list(new AnnouncementQueries.Filter(source, q, from, to), page, size);
    }
}
