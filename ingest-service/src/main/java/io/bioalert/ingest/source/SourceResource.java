package io.bioalert.ingest.source;

import io.bioalert.ingest.fetch.HttpFetcher;
import io.bioalert.net.UrlGuard;
import io.bioalert.rest.ErrorBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Polled sources: create, list, show (with health), pause, resume, delete, and poll now. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService sources;
    private final SourcePoller poller;
    private final SourceMetrics metrics;
    private final HttpFetcher fetcher;

    SourceResource(SourceService sources, SourcePoller poller, SourceMetrics metrics, HttpFetcher fetcher) {
        this.sources = sources;
        this.poller = poller;
        this.metrics = metrics;
        this.fetcher = fetcher;
    }

    /** 400 for a URL leading inside the network; one that does not resolve yet may still come to life. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull SourceRequest request) {
        try {
            fetcher.guard().check(request.url());
        } catch (UrlGuard.Unresolved e) {
            // every fetch checks again
        } catch (UrlGuard.Refused e) {
            return Response.status(400).entity(ErrorBody.of(List.of(new ErrorBody.FieldError("url", e.getMessage())))).build();
        }
        SourceView created = sources.create(request);
        metrics.refresh();
        return Response.created(URI.create("/api/sources/" + created.id())).entity(created).build();
    }

    @GET
    public List<SourceView> list() {
        return sources.list();
    }

    @GET
    @Path("/{id}")
    public SourceView get(@PathParam("id") long id) {
        return sources.get(id);
    }

    @POST
    @Path("/{id}/pause")
    public SourceView pause(@PathParam("id") long id) {
        SourceView view = sources.pause(id);
        metrics.refresh();
        return view;
    }

    @POST
    @Path("/{id}/resume")
    public SourceView resume(@PathParam("id") long id) {
        SourceView view = sources.resume(id);
        metrics.refresh();
        return view;
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        sources.delete(id);
        metrics.refresh();
        return Response.noContent().build();
    }

    /** Polls now, whatever the schedule (also a paused source): for operators and tests. */
    @POST
    @Path("/{id}/poll")
    public PollReport poll(@PathParam("id") long id) {
        sources.get(id);
        return poller.poll(id);
    }
}
