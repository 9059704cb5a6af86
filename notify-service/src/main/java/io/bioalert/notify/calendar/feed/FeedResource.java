package io.bioalert.notify.calendar.feed;

import io.bioalert.notify.calendar.WatchedCatalysts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code GET /calendar/{token}.ics}: a subscriber's catalysts as iCalendar for calendar apps to subscribe to.
 * A calendar app cannot send a bearer token, so the secret address is the credential ({@link FeedTokens}); an
 * unknown one answers 404.
 */
@Path("/calendar")
public class FeedResource {

    /** What the feed holds: catalysts of the past year (with their outcomes) and of the next three. */
    static final int PAST_DAYS = 366;
    static final int FUTURE_YEARS = 3;

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final FeedTokens tokens;
    private final WatchedCatalysts watched;
    private final Clock clock;

    FeedResource(FeedTokens tokens, WatchedCatalysts watched, Clock clock) {
        this.tokens = tokens;
        this.watched = watched;
        this.clock = clock;
    }

    @GET
    @Path("/{token}.ics")
    @Produces(TEXT_CALENDAR)
    public Response feed(@PathParam("token") String token) throws Exception {
        UUID subscriber = tokens.subscriber(token).orElseThrow(() -> new NotFoundException("no such calendar"));
        LocalDate today = LocalDate.now(clock);
        String body = CalendarFeedWriter.write("BioAlert catalysts",
                watched.find(watched.watchlists(subscriber), today.minusDays(PAST_DAYS), today.plusYears(FUTURE_YEARS)));
        return Response.ok(body, TEXT_CALENDAR)
                .header("Content-Disposition", "inline; filename=\"bioalert-catalysts.ics\"")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }
}
