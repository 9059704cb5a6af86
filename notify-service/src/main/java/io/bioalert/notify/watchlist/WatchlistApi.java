package io.bioalert.notify.watchlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bioalert.notify.api.SingleLine;
import io.bioalert.notify.matching.WatchFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
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

    /** The most days before a catalyst a reminder may come. */
    public static final int MAX_REMINDER_DAYS = 365;

    /** Reminders when a watchlist names none: a week before each matching catalyst, and the day before. */
    public static final List<Integer> DEFAULT_REMINDERS = List.of(7, 1);

    /**
     * @param reminders days before each catalyst that matches the filter to send a reminder (0 = on the day);
     *                  {@link #DEFAULT_REMINDERS} when absent, none when empty
     */
    public record CreateWatchlist(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull @Valid WatchFilter filter,
            @Pattern(regexp = "IMMEDIATE|HOURLY|DAILY", message = "must be IMMEDIATE, HOURLY or DAILY") String digest,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid NewDestination> destinations,
            @Size(max = 10) List<@NotNull @Min(0) @Max(MAX_REMINDER_DAYS) Integer> reminders) {
    }

    /** @param reminders as in {@link CreateWatchlist}; absent keeps the watchlist's */
    public record UpdateWatchlist(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull @Valid WatchFilter filter,
            @Pattern(regexp = "IMMEDIATE|HOURLY|DAILY", message = "must be IMMEDIATE, HOURLY or DAILY") String digest,
            @Size(max = 10) List<@NotNull @Min(0) @Max(MAX_REMINDER_DAYS) Integer> reminders) {
    }

    /**
     * @param email         for EMAIL
     * @param url           for SLACK (the incoming webhook URL) and WEBHOOK
     * @param secret        for WEBHOOK: the signing secret, {@code whsec_} and the base64 of 24 to 64 bytes (the
     *                      Standard Webhooks form) or any other 16 to 200 characters (keyed by their UTF-8 bytes);
     *                      generated in the Standard Webhooks form when absent
     * @param ratePerMinute at most this many sends a minute to this destination (itself at most
     *                      {@code bioalert.quota.max-rate-per-minute}, checked by {@link DestinationFactory})
     * @param atMostOnce    for SLACK: true to have a send whose answer was lost marked UNKNOWN instead of
     *                      sent again (absent or false: at-least-once)
     */
    public record NewDestination(
            @NotNull @Pattern(regexp = "EMAIL|SLACK|WEBHOOK", message = "must be EMAIL, SLACK or WEBHOOK") String type,
            @Email @Size(max = 320) String email,
            @Size(max = 2048) String url,
            @Size(min = 16, max = 200) String secret,
            @Min(1) Integer ratePerMinute,
            Boolean atMostOnce) {

        public NewDestination(String type, String email, String url, String secret, Integer ratePerMinute) {
            this(type, email, url, secret, ratePerMinute, null);
        }
    }

    /** @param secret the webhook's new signing secret, in a form {@link NewDestination} accepts; generated when absent */
    public record NewSecret(@Size(min = 16, max = 200) String secret) {
    }

    /**
     * @param secret                   a webhook's current signing secret, only in the answers that create or rotate it
     * @param previousSecretValidUntil in a rotation's answer, until when the replaced secret still signs
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DestinationView(UUID id, String type, String address, String status, String statusReason,
            Integer ratePerMinute, String secret, Instant previousSecretValidUntil, boolean atMostOnce) {
    }

    /** @param reminders days before each matching catalyst that a reminder is sent, most first */
    public record WatchlistView(UUID id, String name, WatchFilter filter, String digest, List<Integer> reminders,
            List<DestinationView> destinations, Instant createdAt, Instant updatedAt) {
    }

    /** What "send test alert" did, as the destination answered. */
    public record TestResult(UUID destinationId, String outcome, String detail) {
    }
}
