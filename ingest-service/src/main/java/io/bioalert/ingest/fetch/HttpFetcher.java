package io.bioalert.ingest.fetch;

import io.bioalert.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/**
 * GETs feeds and pages politely: a User-Agent naming the project, conditional requests with the
 * validators of the last answer, timeouts, a per-host delay, and a cap on the body size.
 */
@ApplicationScoped
public class HttpFetcher {

    private final HttpClient client;
    private final IngestConfig.Fetch config;
    private final PolitenessGate gate;

    HttpFetcher(IngestConfig config) {
        this.config = config.fetch();
        this.gate = new PolitenessGate(this.config.politenessDelay(), Clock.systemUTC());
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** GET with If-None-Match / If-Modified-Since when validators are given. */
    public FetchResult get(String url, String etag, String lastModified) throws FetchException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad URL " + url, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
                .GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        try {
            gate.await(uri.getHost() == null ? "" : uri.getHost());
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                String newEtag = response.headers().firstValue("ETag").orElse(null);
                String newLastModified = response.headers().firstValue("Last-Modified").orElse(null);
                String finalUrl = response.uri().toString();
                if (status == 304) {
                    return new FetchResult(304, new byte[0], null, finalUrl, etag, lastModified);
                }
                if (status != 200) {
                    throw new FetchException("HTTP " + status + " from " + url);
                }
                byte[] body = in.readNBytes(config.maxBytes() + 1);
                if (body.length > config.maxBytes()) {
                    throw new FetchException("body larger than " + config.maxBytes() + " bytes at " + url);
                }
                return new FetchResult(200, body, response.headers().firstValue("Content-Type").orElse(null),
                        finalUrl, newEtag, newLastModified);
            }
        } catch (HttpTimeoutException e) {
            throw new FetchException("timed out after " + config.requestTimeout().toSeconds() + "s: " + url, e);
        } catch (IOException e) {
            throw new FetchException(e.getClass().getSimpleName() + " fetching " + url
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted fetching " + url, e);
        }
    }
}
