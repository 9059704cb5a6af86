package io.bioalert.notify.watchlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bioalert.notify.api.SingleLine;
import io.bioalert.notify.matching.WatchFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the watchlist API. */
public final class WatchlistApi {

    private WatchlistApi() {
    }

    public record CreateWatchlist(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull @Valid WatchFilter filter,
            @Pattern(regexp = "IMMEDIATE|HOURLY|DAILY", message = "must be IMMEDIATE, HOURLY or DAILY") String digest,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid NewDestination> destinations) {
    }

    public record UpdateWatchlist(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull @Valid WatchFilter filter,
            @Pattern(regexp = "IMMEDIATE|HOURLY|DAILY", message = "must be IMMEDIATE, HOURLY or DAILY") String digest) {
    }

    /**
     * @param email         for EMAIL
     * @param url           for SLACK (the incoming webhook URL) and WEBHOOK
     * @param secret        for WEBHOOK: the HMAC key; generated when absent
     * @param ratePerMinute at most this many sends a minute to this destination (itself at most
     *                      {@code bioalert.quota.max-rate-per-minute}, checked by {@link DestinationFactory})
     */
    public record NewDestination(
            @NotNull @Pattern(regexp = "EMAIL|SLACK|WEBHOOK", message = "must be EMAIL, SLACK or WEBHOOK") String type,
            @Email @Size(max = 320) String email,
            @Size(max = 2048) String url,
            @Size(min = 16, max = 200) String secret,
            @Min(1) Integer ratePerMinute) {
    }

    /** @param secret the webhook's new HMAC key; generated when absent */
    public record NewSecret(@Size(min = 16, max = 200) String secret) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DestinationView(UUID id, String type, String address, String status, String statusReason,
            Integer ratePerMinute, String secret) {
    }

    public record WatchlistView(UUID id, String name, WatchFilter filter, String digest,
            List<DestinationView> destinations, Instant createdAt, Instant updatedAt) {
    }

    /** What "send test alert" did, as the destination answered. */
    public record TestResult(UUID destinationId, String outcome, String detail) {
    }
}
