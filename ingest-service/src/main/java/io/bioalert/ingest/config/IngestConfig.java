package io.bioalert.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Business settings of ingest-service; every one has a default that suits production. */
@ConfigMapping(prefix = "bioalert")
public interface IngestConfig {

    Api api();

    Store store();

    Publish publish();

    Fetch fetch();

    Poll poll();

    @io.smallrye.config.WithName("import")
    Import fileImport();

    /** Operator API keys: every call under /api needs one of them as {@code Authorization: Bearer <key>}. */
    interface Api {
        /** SHA-256 of each accepted key, hex; the keys themselves never need to be on the server. */
        Optional<List<String>> keyHashes();

        /** One key in clear, hashed at start: simpler where the environment is private anyway (docker-compose). */
        Optional<String> key();
    }

    /** The group commit: how many queued stories one store transaction takes at most, and how long it waits for them. */
    interface Store {
        /** Stories per transaction; a batch push larger than this is still stored whole. */
        @WithDefault("500")
        int maxStories();

        /** Characters of text per transaction (the statement carries them all), however few the stories. */
        @WithDefault("8000000")
        long maxChars();

        /** How long the first story of a group waits for others when nothing else is queued. */
        @WithDefault("2ms")
        Duration linger();
    }

    interface Publish {
        /** Where announcements are published; {@code announcements.raw} ({@code Topics.RAW}) unless set. */
        Optional<String> topic();

        /** Settings of the publisher's Kafka producer, by their Kafka names (README: how they were chosen). */
        Map<String, String> producer();

        /**
         * How long a stored row is left to the instance that stored it (or the sweep that took it) before
         * another sweep may publish it: after a crash, what was in flight is published again this much later.
         * The producer's {@code delivery.timeout.ms} (half of it) and {@code max.block.ms} (a tenth) are
         * derived from it, so that every send has ended, acknowledged or failed, before its claim runs out.
         */
        @WithDefault("60s")
        Duration claim();

        /** How old an unclaimed, unpublished row must be before the sweep takes it (rows of older versions, tests). */
        @WithDefault("5s")
        Duration sweepGrace();
    }

    interface Fetch {
        /** Names the project, so site owners know who fetches and why. */
        @WithDefault("BioAlert-Ingest/0.1 (open-source biopharma news alerting; polite feed reader)")
        String userAgent();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole fetch, redirects, headers and body: a slow server fails this source only. */
        @WithDefault("20s")
        Duration requestTimeout();

        /** Minimum gap between two requests to one host from this instance. */
        @WithDefault("2s")
        Duration politenessDelay();

        /** A feed or page body longer than this is not read further and fails the fetch. */
        @WithDefault("5000000")
        int maxBytes();

        /**
         * Hosts, addresses or CIDR ranges that sources may reach although they are loopback, private or
         * link-local (e.g. "127.0.0.1,localhost" for tests, "10.1.0.0/16" for an intranet feed).
         */
        Optional<List<String>> allowHosts();
    }

    interface Poll {
        /** Scheduler tick (read by {@code PollScheduler}'s @Scheduled): how soon a due source is noticed; "off" disables. */
        @WithDefault("30s")
        String tick();

        /** Interval of a new source when the request names none. */
        @WithDefault("15m")
        Duration defaultInterval();

        /** Failures in a row after which a source is marked FAILING. */
        @WithDefault("3")
        int failureThreshold();

        /** Upper bound of the exponential backoff after errors. */
        @WithDefault("6h")
        Duration maxBackoff();

        /** Sources one scheduler tick claims. */
        @WithDefault("10")
        int batch();

        /** Articles a listing page may fetch per poll. */
        @WithDefault("20")
        int listingMaxArticles();
    }

    interface Import {
        /** Folder watched for .txt, .html, .eml and .json files; none by default. */
        Optional<Path> folder();

        /** Folder scan period (read by {@code FolderImporter}'s @Scheduled); "off" disables. */
        @WithDefault("30s")
        String scanEvery();
    }
}
