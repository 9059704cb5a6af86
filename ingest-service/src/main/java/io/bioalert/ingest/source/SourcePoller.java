package io.bioalert.ingest.source;

import io.bioalert.ingest.store.AnnouncementStore;
import io.bioalert.ingest.store.Story;
import io.bioalert.ingest.config.IngestConfig;
import io.bioalert.ingest.feed.FeedReader;
import io.bioalert.ingest.fetch.FetchException;
import io.bioalert.ingest.fetch.FetchResult;
import io.bioalert.ingest.fetch.HttpFetcher;
import io.bioalert.ingest.page.PageReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Polls one source: conditional GET, read the feed or page, store each story, record the source's
 * health. Every error is caught here and recorded on the source, so one broken source never stops
 * the others.
 */
@ApplicationScoped
public class SourcePoller {

    private final SourceService sources;
    private final HttpFetcher fetcher;
    private final AnnouncementStore store;
    private final MeterRegistry registry;
    private final SourceMetrics metrics;
    private final int listingMaxArticles;

    SourcePoller(SourceService sources, HttpFetcher fetcher, AnnouncementStore store, MeterRegistry registry,
            SourceMetrics metrics, IngestConfig config) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.store = store;
        this.registry = registry;
        this.metrics = metrics;
        this.listingMaxArticles = config.poll().listingMaxArticles();
    }

    public PollReport poll(long sourceId) {
        Source source = sources.snapshot(sourceId);
        PollReport report;
        try {
            report = fetchAndStore(source);
            sources.recordSuccess(sourceId, source.etag, source.lastModified, report.newStories());
        } catch (FetchException | SourceFormatException e) {
            report = fail(source, e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "poll of source %s (%d) failed unexpectedly", source.name, sourceId);
            report = fail(source, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        registry.counter("bioalert.ingest.polls", "source", source.name, "outcome", report.outcome().toLowerCase())
                .increment();
        metrics.refresh();
        return report;
    }

    private PollReport fail(Source source, String error) {
        Log.warnf("poll of source %s (%d) failed: %s", source.name, source.id, error);
        sources.recordFailure(source.id, error);
        return PollReport.failed(source.id, error);
    }

    /** Updates the validators on {@code source} (a detached copy) for the caller to record. */
    private PollReport fetchAndStore(Source source) throws FetchException, SourceFormatException {
        FetchResult answer = fetcher.get(source.url, source.etag, source.lastModified);
        if (answer.notModified()) {
            return new PollReport(source.id, "NOT_MODIFIED", 0, 0, null);
        }
        source.etag = answer.etag();
        source.lastModified = answer.lastModified();
        List<Story> stories = switch (source.kind) {
            case FEED -> FeedReader.read(answer.body(), answer.contentType(), answer.finalUrl(), source.name);
            case PAGE -> List.of(PageReader.article(answer.text(), answer.finalUrl(), source.name));
            case LISTING -> listingArticles(source, answer);
        };
        int fresh = (int) store.ingestAll(stories).stream().filter(r -> !r.duplicate()).count();
        Log.infof("polled %s (%d): %d stories, %d new", source.name, source.id, stories.size(), fresh);
        return new PollReport(source.id, "OK", stories.size(), fresh, null);
    }

    /** Fetches the listing's article links not seen before; fails only when every one of them fails. */
    private List<Story> listingArticles(Source source, FetchResult listing) throws SourceFormatException {
        List<String> links = PageReader.articleLinks(listing.text(), listing.finalUrl(), source.linkPattern);
        Set<String> known = store.knownUrls(links);
        List<Story> stories = new ArrayList<>();
        String firstError = null;
        int tried = 0;
        for (String link : links) {
            if (tried >= listingMaxArticles) {
                break;
            }
            if (known.contains(link)) {
                continue;
            }
            tried++;
            try {
                FetchResult page = fetcher.get(link, null, null);
                stories.add(PageReader.article(page.text(), page.finalUrl(), source.name));
            } catch (FetchException | SourceFormatException e) {
                Log.warnf("article %s of listing %s skipped: %s", link, source.name, e.getMessage());
                firstError = firstError == null ? e.getMessage() : firstError;
            }
        }
        if (tried > 0 && stories.isEmpty()) {
            throw new SourceFormatException("no article of the listing could be read, e.g. " + firstError);
        }
        return stories;
    }
}
