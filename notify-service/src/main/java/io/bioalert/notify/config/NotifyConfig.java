package io.bioalert.notify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Business settings of notify-service ({@code bioalert.*}). */
@ConfigMapping(prefix = "bioalert")
public interface NotifyConfig {

    /** Base URL of this service as users reach it: links in mail (confirm, unsubscribe) start with it. */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /**
     * How long an alert stands for its news: a later report of the same event (drug, event type, agency) to
     * the same destination within it is attached to the alert instead of sent again.
     */
    @WithDefault("14d")
    Duration eventWindow();

    Webhook webhook();

    Mail mail();

    Index index();

    Dispatch dispatch();

    Digest digest();

    Calendar calendar();

    Outage outage();

    Quota quota();

    interface Webhook {
        /**
         * Hosts, addresses or CIDR ranges that webhooks may reach although they are loopback, private or
         * link-local (e.g. "127.0.0.1,localhost" for tests, "10.1.0.0/16" for an internal receiver).
         */
        Optional<List<String>> allowHosts();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration requestTimeout();

        /** Keep-alive connections per receiving host; requests beyond them wait in the pool's queue. */
        @WithDefault("32")
        int connectionsPerHost();
    }

    interface Mail {
        /**
         * How long one mail may take before it is retried. The Vert.x mail client has been seen to leave a
         * few sends of a fresh connection pool unanswered; without this they would wait for the lease.
         */
        @WithDefault("10s")
        Duration sendTimeout();

        /** How long the link of an opt-in mail confirms the address; after that the subscriber asks for a new one. */
        @WithDefault("7d")
        Duration confirmLinkTtl();
    }

    interface Index {
        /** How often each instance reads watchlist changes made through other instances. */
        @WithDefault("2s")
        String refreshEvery();

        /** How far back a refresh looks again, for transactions that committed late. */
        @WithDefault("30s")
        Duration overlap();
    }

    interface Dispatch {
        /** Polling interval when nobody wakes the dispatcher (retries, other instances' work). */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** Deliveries being sent at once per instance, across all destinations; claiming waits above it. */
        @WithDefault("1000")
        int maxInFlight();

        /**
         * Sends out at once to one generic webhook, counted until their outcomes are written: after a crash
         * these are the only deliveries that may reach that receiver twice. Slack gets 1 (it cannot drop a
         * repeat); email {@link #inFlightPerEmail()}.
         */
        @WithDefault("8")
        int inFlightPerWebhook();

        /** The same for one email address. */
        @WithDefault("4")
        int inFlightPerEmail();

        /** Dispatcher loops per instance; they claim disjoint rows with SKIP LOCKED. */
        @WithDefault("2")
        int workers();

        /** How long a claimed delivery is ours; after that a crash's delivery is claimed again. */
        @WithDefault("60s")
        Duration lease();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("2s")
        Duration backoffBase();

        @WithDefault("1h")
        Duration backoffMax();

        /** Default per-destination limits, per minute, when a destination sets none. */
        @WithDefault("60")
        int slackPerMinute();

        @WithDefault("120")
        int emailPerMinute();

        @WithDefault("6000")
        int webhookPerMinute();

        /** Master switch, off for benchmarks that drive the dispatcher by hand. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Calendar {
        /** How often the reminder job queues due reminders and "date changed" notices. */
        @WithDefault("60s")
        String checkEvery();

        /**
         * For tests only: the calendar's "now" (what today is for reminders and the coming catalysts) fixed at this
         * instant instead of the system clock. The end-to-end tests start notify with it to reach a reminder's day.
         */
        Optional<Instant> testClock();
    }

    /**
     * What one subscriber, client address or receiving host may ask of the API: rates answer 429 with
     * Retry-After when spent, caps answer 409 (see the README's quota table).
     */
    interface Quota {
        /** Sign-ups from one client address. */
        @WithDefault("10/1h")
        Rate signUpsPerClient();

        /** Test alerts one subscriber sends. */
        @WithDefault("10/1m")
        Rate testAlertsPerSubscriber();

        /** Test alerts to one receiving host (a webhook's or Slack URL's host, an address's mail domain), from anyone. */
        @WithDefault("30/1m")
        Rate testAlertsPerHost();

        /** Opt-in mails one subscriber causes. */
        @WithDefault("20/1d")
        Rate optInMailsPerSubscriber();

        /** Opt-in mails to one address, from anyone. */
        @WithDefault("3/1d")
        Rate optInMailsPerAddress();

        /** Live watchlists of one subscriber. */
        @WithDefault("50")
        int watchlistsPerSubscriber();

        /** Live destinations across one subscriber's watchlists. */
        @WithDefault("100")
        int destinationsPerSubscriber();

        /** The highest {@code ratePerMinute} a destination may ask for. */
        @WithDefault("60000")
        int maxRatePerMinute();
    }

    interface Outage {
        /** How often the database is probed during an outage: held work resumes within this of its return. */
        @WithDefault("1s")
        Duration probeEvery();
    }

    interface Digest {
        @WithDefault("30s")
        String checkEvery();
    }
}
