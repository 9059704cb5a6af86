package io.bioalert.notify.calendar;

import io.bioalert.notify.api.InvalidFieldException;
import io.bioalert.notify.subscriber.Authenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The catalysts the caller's watchlists follow: {@code GET /api/catalysts?from=&to=&watchlist=}. Dates are
 * ISO days; {@code from} defaults to today and {@code to} to a year after {@code from}; a catalyst is listed
 * when its period touches the range, whatever its status. {@code watchlist} narrows to one of the caller's.
 */
@Path("/api/catalysts")
@Produces(MediaType.APPLICATION_JSON)
public class CatalystResource {

    /** The widest range one call may ask for. */
    static final int MAX_DAYS = 5 * 366;

    private final Authenticator auth;
    private final WatchedCatalysts watched;
    private final Clock clock;

    CatalystResource(Authenticator auth, WatchedCatalysts watched, Clock clock) {
        this.auth = auth;
        this.watched = watched;
        this.clock = clock;
    }

    @GET
    public List<CatalystApi.CatalystView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("watchlist") String watchlist)
            throws Exception {
        UUID me = auth.require(authorization);
        LocalDate first = from == null || from.isBlank() ? LocalDate.now(clock) : day("from", from);
        LocalDate last = to == null || to.isBlank() ? first.plusYears(1) : day("to", to);
        if (last.isBefore(first)) {
            throw new InvalidFieldException("to", "must not be before from (" + first + ")");
        }
        if (last.isAfter(first.plusDays(MAX_DAYS))) {
            throw new InvalidFieldException("to", "must be at most " + MAX_DAYS + " days after from (" + first + ")");
        }
        List<WatchedCatalysts.Watched> mine = watched.watchlists(me);
        if (watchlist != null && !watchlist.isBlank()) {
            UUID id = watchlistId(watchlist);
            mine = mine.stream().filter(w -> w.id().equals(id)).toList();
            if (mine.isEmpty()) {
                throw new InvalidFieldException("watchlist", "is not one of your watchlists");
            }
        }
        return watched.find(mine, first, last);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a day as YYYY-MM-DD");
        }
    }

    private static UUID watchlistId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("watchlist", "is not one of your watchlists");
        }
    }
}
