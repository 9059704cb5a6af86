package io.bioalert.notify.browse;

import io.bioalert.notify.subscriber.Authenticator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What the caller's watchlists caught lately, newest first, with the evidence located in each text. */
@Path("/api/announcements")
@Produces(MediaType.APPLICATION_JSON)
public class MatchedAnnouncementResource {

    private final Authenticator auth;
    private final MatchedAnnouncements announcements;

    MatchedAnnouncementResource(Authenticator auth, MatchedAnnouncements announcements) {
        this.auth = auth;
        this.announcements = announcements;
    }

    @GET
    public List<MatchedAnnouncements.Item> recent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) throws Exception {
        return announcements.recent(auth.require(authorization), limit);
    }
}
