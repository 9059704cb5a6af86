package io.bioalert.notify.preview;

import io.bioalert.notify.matching.WatchFilter;
import io.bioalert.notify.subscriber.Authenticator;
import io.bioalert.notify.watchlist.FilterValidator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * What a watchlist being edited would have caught lately, before it is saved. The body is the filter under
 * {@code filter}, as in a watchlist, so a 400 names the same field ({@code filter.targets[0]}) the form has.
 */
@Path("/api/watchlists/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewResource {

    public record PreviewRequest(@NotNull @Valid WatchFilter filter) {
    }

    private final Authenticator auth;
    private final WatchlistPreview preview;

    PreviewResource(Authenticator auth, WatchlistPreview preview) {
        this.auth = auth;
        this.preview = preview;
    }

    @POST
    public WatchlistPreview.Result preview(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull PreviewRequest request) throws Exception {
        auth.require(authorization);
        FilterValidator.validate(request.filter());
        return preview.of(request.filter());
    }
}
